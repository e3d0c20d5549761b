import { loadOrCreateSigningKeyFile } from '@resident-graph/caller';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// One request followed across real processes: the client's W3C traceparent reaches the gateway,
// the gateway's spans and the life-events subgraph's (SQL included) arrive at an OTLP/HTTP receiver
// this test runs on 127.0.0.1, and the same request id and trace id are in both services' logs and
// in their latency exemplars.
const root = new URL('../..', import.meta.url).pathname;

interface ExportedSpan {
  service: string;
  name: string;
  traceId: string;
  attributes: Record<string, unknown>;
}

/** An OTLP/HTTP (JSON) trace receiver: what a collector would get. */
async function startOtlpReceiver() {
  const spans: ExportedSpan[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as {
          resourceSpans: {
            resource: { attributes: { key: string; value: { stringValue?: string } }[] };
            scopeSpans: {
              spans: {
                name: string;
                traceId: string;
                attributes: { key: string; value: Record<string, unknown> }[];
              }[];
            }[];
          }[];
        };
        for (const { resource, scopeSpans } of body.resourceSpans) {
          const service = resource.attributes.find((a) => a.key === 'service.name')?.value
            .stringValue;
          for (const span of scopeSpans.flatMap((s) => s.spans)) {
            spans.push({
              service: service ?? '',
              name: span.name,
              traceId: span.traceId,
              attributes: Object.fromEntries(
                span.attributes.map((a) => [a.key, Object.values(a.value)[0]]),
              ),
            });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

async function startProcess(entry: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env: { ...process.env, APOLLO_TELEMETRY_DISABLED: 'true', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const lines: string[] = [];
  let pending = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    lines.push(...complete);
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${entry} exited ${code}: ${lines.join('\n')}`)));
    child.on('message', (message: { ready?: string }) => {
      if (message.ready) resolve(message.ready);
    });
  });
  const logs = () =>
    lines.flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  return { child, url, logs };
}

async function waitFor(what: string, condition: () => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('one request, one trace: client → gateway → subgraph → database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rg-tracing-'));
  const children: ChildProcess[] = [];
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let gateway: Awaited<ReturnType<typeof startProcess>>;
  let lifeEvents: Awaited<ReturnType<typeof startProcess>>;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    // Both processes find the caller key where the gateway's development mode keeps it.
    await loadOrCreateSigningKeyFile(join(dataDir, 'keys', 'gateway-caller.json'), 'test');
    lifeEvents = await startProcess('subgraphs/life-events/src/main.ts', {
      PORT: '0',
      DATA_DIR: dataDir,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    });
    children.push(lifeEvents.child);
    gateway = await startProcess('gateway/src/main.ts', {
      PORT: '0',
      DATA_DIR: dataDir,
      AUTH_DEV_ISSUER: 'true',
      SUPERGRAPH_RELOAD_INTERVAL_MS: '0',
      SUBGRAPH_URLS: JSON.stringify({ 'life-events': lifeEvents.url }),
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    });
    children.push(gateway.child);
  }, 120_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await receiver?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('carries the trace id and request id into both services’ spans, logs and metrics', async () => {
    const traceId = randomBytes(16).toString('hex');
    const requestId = `trace-test-${randomBytes(4).toString('hex')}`;
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
        'x-request-id': requestId,
      },
      body: JSON.stringify({ query: 'query Catalog { lifeEvents { kind } }' }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();

    const inTrace = () => receiver.spans.filter((s) => s.traceId === traceId);
    await waitFor(
      'spans from both services and the database',
      () =>
        ['gateway', 'life-events'].every((service) =>
          inTrace().some((s) => s.service === service),
        ) && inTrace().some((s) => s.name === 'db.query'),
    );
    const spans = inTrace();
    expect(
      spans.find((s) => s.service === 'gateway' && s.attributes['request.id'] === requestId),
    ).toBeDefined();
    expect(
      spans.find((s) => s.service === 'life-events' && s.attributes['request.id'] === requestId),
    ).toBeDefined();
    expect(spans.find((s) => s.name === 'db.query')).toMatchObject({
      service: 'life-events',
      attributes: { 'db.system': 'sqlite' },
    });
    // Apollo Gateway's own spans (planning, fetching) join the same trace.
    expect(spans.some((s) => s.service === 'gateway' && s.name.startsWith('gateway.'))).toBe(true);

    for (const service of [gateway, lifeEvents]) {
      await waitFor('the access log line', () =>
        service.logs().some((l) => l['requestId'] === requestId && l['msg'] === 'graphql request'),
      );
      expect(
        service.logs().find((l) => l['requestId'] === requestId && l['msg'] === 'graphql request'),
      ).toMatchObject({ traceId });
      // The subgraph sees the query planner's operation name, Catalog__life_events__0.
      const metrics = await (await fetch(new URL('/metrics', service.url))).text();
      expect(metrics).toMatch(
        new RegExp(
          `graphql_request_duration_seconds_bucket\\{[^}]*operation="Catalog[^"]*"[^}]*\\} \\d+ # \\{[^}]*trace_id="${traceId}"[^}]*request_id="${requestId}"`,
        ),
      );
    }
  });
});
