import { describeLoaderBatching } from '@resident-graph/testing';
import { lifeEventsSubgraph } from './subgraph.js';

// The catalog loaders are keyed by life-event kind, not by resident.
const kinds = ['TURNING_65', 'HAVING_A_CHILD', 'MOVING'];
await describeLoaderBatching(lifeEventsSubgraph, {
  lifeEventByKind: kinds,
  stepsByLifeEvent: kinds,
});
