import { generateSigningKey } from '@resident-graph/caller';
import {
  appendDisclosures,
  identityMigrations,
  type IdentityDatabase,
} from '@resident-graph/subgraph-identity';
import { openAgencyDatabase } from '@resident-graph/store';
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

// `npm run audit:verify` over a real identity store file: intact, then edited behind its back.
describe('npm run audit:verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-audit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const database = join(dir, 'identity.sqlite');
  const jwks = join(dir, 'identity-records.jwks.json');
  const verify = () =>
    run('npx', ['tsx', 'scripts/audit-verify.ts', '--database', database, '--jwks', jwks], {
      env: { ...process.env, DATABASE_URL: '' },
    }).then(
      ({ stdout }) => ({ code: 0, output: stdout }),
      (error: { code: number; stderr: string }) => ({ code: error.code, output: error.stderr }),
    );

  it('passes an intact log and fails one edited by hand', async () => {
    const { key } = await generateSigningKey('identity-records-test');
    writeFileSync(jwks, JSON.stringify(key.jwks));
    const store = await openAgencyDatabase<IdentityDatabase>(database, identityMigrations);
    await appendDisclosures(
      store.db,
      key,
      ['req-1', 'req-2', 'req-3'].map((requestId) => ({
        residentId: 'rsd_a',
        agency: 'irs',
        fields: ['TaxRefund.amount'],
        recipientKind: 'THIRD_PARTY' as const,
        recipient: 'tax-app',
        purpose: 'TAX_PREPARATION',
        consentId: 'cg_1',
        caseReference: null,
        requestId,
      })),
    );
    await store.close();
    expect(await verify()).toEqual({
      code: 0,
      output: expect.stringContaining('disclosure log intact: 3 records'),
    });

    const sqlite = new Database(database);
    sqlite.prepare("update disclosure set recipient = 'someone-else' where seq = 2").run();
    sqlite.close();
    const tampered = await verify();
    expect(tampered.code).toBe(1);
    expect(tampered.output).toContain('record 2: content does not match its hash (edited)');
  }, 60_000);
});
