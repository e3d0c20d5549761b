export {
  createServiceMetrics,
  LATENCY_BUCKETS,
  MAX_OPERATION_NAMES,
  type ServiceMetrics,
} from './metrics.js';
export { createHealthRoutes, READINESS_TIMEOUT_MS, type Readiness } from './health.js';
export {
  startTracing,
  activeTraceId,
  injectTraceContext,
  traceRequests,
  runInRequestTrace,
  startServerSpan,
  runInContext,
  annotateActiveSpan,
  inSpan,
  recordDatabaseSpan,
  type TracingOptions,
} from './tracing.js';
