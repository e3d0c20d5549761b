import type { ResidentFacts } from '@resident-graph/personas';
import { eventually } from '@resident-graph/testing';
import type { TestSystem } from '@resident-graph/testing/system';
import { sql } from '@resident-graph/store';

/** The agencies a move is told to, with the subgraph that applies it. */
export const receivingSubgraphs = { USPS: 'usps', IRS: 'irs', SSA: 'ssa', STATE: 'state' } as const;

const REPORT_MOVE = `mutation ($input: ReportMoveInput!, $key: String!) {
  reportMove(input: $input, idempotencyKey: $key) { id }
}`;

export interface LoadResult {
  /** ms from the first mutation sent to the last one answered. */
  recordedMs: number;
  /** ms from the first mutation sent to the last application at any agency (agencies' clocks). */
  lastAppliedMs: number;
  /** ms from the first mutation sent until life-events had every agency's outcome. */
  allOutcomesMs: number;
  /** Per agency: notifications it processed once, and how many of those it applied or refused. */
  perAgency: Record<string, { processed: number; applied: number; refused: number }>;
}

/**
 * Every resident reports a move at once through the gateway (one mutation each, all in flight
 * together), then waits until every agency has answered every notification.
 */
export async function reportMovesAtOnce(
  system: TestSystem,
  residents: readonly ResidentFacts[],
  { timeoutMs = 300_000 } = {},
): Promise<LoadResult> {
  const tokens = await Promise.all(residents.map((r) => system.token(r.id)));
  const started = Date.now();
  const answers = await Promise.all(
    residents.map((resident, i) =>
      system.query<{ reportMove: { id: string } }>(REPORT_MOVE, {
        token: tokens[i]!,
        variables: {
          key: `load-${resident.id}`,
          input: {
            newAddress: {
              line1: `${i + 1} Load Test Ave`,
              city: 'Tucson',
              state: 'AZ',
              zip: '85701',
            },
            movedOn: '2026-07-15',
          },
        },
      }),
    ),
  );
  const recordedMs = Date.now() - started;
  const refused = answers.filter((a) => !a.data?.reportMove.id);
  if (refused.length > 0) {
    throw new Error(`${refused.length} moves were refused: ${JSON.stringify(refused[0]?.errors)}`);
  }
  const declarationIds = answers.map((a) => a.data!.reportMove.id);
  const lifeEvents = system.store('life-events').db;
  const expected = declarationIds.length * Object.keys(receivingSubgraphs).length;
  await eventually(
    async () => {
      const { rows } = await sql<{ answered: number }>`
        select count(*) as answered from declaration_notification
        where status != 'PENDING' and declaration_id like 'dcl_%'
      `.execute(lifeEvents);
      return Number(rows[0]?.answered) >= expected ? true : undefined;
    },
    { timeoutMs, everyMs: 50, what: `all ${expected} outcomes` },
  );
  const allOutcomesMs = Date.now() - started;

  const perAgency: LoadResult['perAgency'] = {};
  let lastApplied = 0;
  for (const [agency, subgraph] of Object.entries(receivingSubgraphs)) {
    const { rows } = await sql<{ result: string; n: number; last: string }>`
      select result, count(*) as n, max(applied_at) as last from applied_notification group by result
    `.execute(system.store(subgraph).db);
    const count = (result: string) => Number(rows.find((r) => r.result === result)?.n ?? 0);
    perAgency[agency] = {
      processed: count('APPLIED') + count('REFUSED'),
      applied: count('APPLIED'),
      refused: count('REFUSED'),
    };
    for (const row of rows) lastApplied = Math.max(lastApplied, Date.parse(row.last));
  }
  return { recordedMs, lastAppliedMs: lastApplied - started, allOutcomesMs, perAgency };
}
