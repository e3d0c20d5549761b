import { Agency } from '@resident-graph/federation';
import { describeLoaderBatching, TEST_TODAY } from '@resident-graph/testing';
import { createDeclarationOutbox, recordMoveDeclaration } from './declaration/declaration.store.js';
import { lifeEventsSubgraph } from './subgraph.js';

// The catalog loaders are keyed by life-event kind, not by resident.
const kinds = ['TURNING_65', 'HAVING_A_CHILD', 'MOVING'];
await describeLoaderBatching(
  lifeEventsSubgraph,
  { lifeEventByKind: kinds, stepsByLifeEvent: kinds },
  // Declarations come only from residents' actions: a few residents report a move first.
  async (db, residentIds) => {
    const declarationIds: string[] = [];
    for (const [i, residentId] of residentIds.slice(0, 5).entries()) {
      const row = await recordMoveDeclaration(
        db,
        residentId,
        `batching-test-${i}`,
        {
          newAddress: {
            line1: `${i} Main St`,
            line2: null,
            city: 'Phoenix',
            state: 'AZ',
            zip: '85004',
          },
          movedOn: '2026-07-01',
          agencies: [Agency.USPS, Agency.SSA],
        },
        TEST_TODAY,
      );
      declarationIds.push(row.id, `dcl_missing_${i}`);
    }
    // And the agencies answer, which is what gives residents notifications.
    const outbox = createDeclarationOutbox(db);
    const sent = await outbox.undelivered(null, 100);
    await outbox.recordOutcomes(
      sent.map((n) => ({
        notificationId: n.id,
        agency: n.agency,
        result: 'APPLIED',
        reason: null,
      })),
    );
    return { notificationsByDeclaration: declarationIds };
  },
);
