import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';

/**
 * Against a system `npm start` runs (real processes, the machine's Redis): the persona Marcus
 * reports a move through the gateway, every agency told shows up in his disclosure log (delivered
 * from life-events' outbox to identity's process), and `npm run audit:verify` finds the log intact
 * in the store `npm start` uses (`DATABASE_URL` when set, else the data directory's SQLite).
 */
export async function expectMoveDisclosedAndAudited(system: {
  root: string;
  env: Record<string, string | undefined>;
  gatewayUrl: string;
  dataDir: string;
}): Promise<void> {
  const { root, env, gatewayUrl, dataDir } = system;
  const token = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/token.ts', 'marcus'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  expect(token.status, token.stderr).toBe(0);
  const ask = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token.stdout.trim()}`,
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: T; errors?: unknown[] };
  };
  const moved = await ask<{ reportMove: { id: string } }>(
    `mutation Move($key: String!) {
      reportMove(idempotencyKey: $key, input: { movedOn: "2026-07-01",
        newAddress: { line1: "1 Test Way", city: "Phoenix", state: "AZ", zip: "85004" } }) { id }
    }`,
    { key: 'marcus-started-move' },
  );
  expect(moved.errors).toBeUndefined();
  const declarationId = moved.data!.reportMove.id;
  const deadline = Date.now() + 30_000;
  let recipients: string[] = [];
  while (recipients.length < 4 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const log = await ask<{
      me: { disclosures: { records: { recipient: string; caseReference: string }[] } };
    }>('{ me { disclosures(agency: "life-events") { records { recipient caseReference } } } }');
    recipients = (log.data?.me.disclosures.records ?? [])
      .filter((r) => r.caseReference === declarationId)
      .map((r) => r.recipient)
      .sort();
  }
  expect(recipients).toEqual(['irs', 'ssa', 'state', 'usps']);
  const audit = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/audit-verify.ts', '--data-dir', dataDir],
    { cwd: root, env, encoding: 'utf8' },
  );
  expect(audit.status, audit.stderr).toBe(0);
  expect(audit.stdout).toMatch(/disclosure log intact: [1-9]\d* records/);
}
