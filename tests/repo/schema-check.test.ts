import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { developmentUrl } from '../../scripts/lib/compose-supergraph.js';
import { readOperationFiles } from '../../scripts/lib/operations.js';
import { checkSubgraphSchema, formatSchemaCheckReport } from '../../scripts/lib/schema-check.js';
import { subgraphs } from '../../scripts/lib/subgraphs.js';

// Every check runs on an in-memory copy of a subgraph's checked-in SDL: nothing here edits a subgraph.
const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');
const checkedIn = subgraphs.map((definition) => ({
  name: definition.name,
  url: developmentUrl(definition.defaultPort),
  sdl: read(`schema/subgraphs/${definition.name}.graphql`),
}));
const stateSdl = checkedIn.find((s) => s.name === 'state')!.sdl;
const operations = readOperationFiles(root);

/** The schema check of `state` with its checked-in SDL changed by `edit`. */
function checkState(edit: (sdl: string) => string) {
  const sdl = edit(stateSdl);
  expect(sdl).not.toBe(stateSdl);
  return checkSubgraphSchema({
    candidate: { name: 'state', url: developmentUrl(4105), sdl },
    others: checkedIn,
    baselineSupergraphSdl: read('schema/supergraph.graphql'),
    operations,
  });
}

/** PassportRenewal's own block of the SDL, where a field of that type is declared. */
const inPassportRenewal = (sdl: string, replace: (block: string) => string) =>
  sdl.replace(/type PassportRenewal implements AgencyTask[\s\S]*?\n}/, replace);

describe('npm run schema:check', () => {
  it('finds the repository operations', () => {
    expect(operations.map((o) => o.path)).toEqual(
      expect.arrayContaining(['examples/turning-65.graphql', 'examples/moving.graphql']),
    );
  });

  it('catches a change that would break the turning-65 example, and names it', async () => {
    const report = await checkState((sdl) =>
      inPassportRenewal(sdl, (block) =>
        block.replace(
          /\n\s*"""Whether the resident can renew their passport online today\."""\n\s*canRenewOnline: Boolean![^\n]*/,
          '',
        ),
      ),
    );
    expect(report.passed).toBe(false);
    expect(report.compositionErrors).toBeNull();
    expect(report.breaking.map((c) => c.message)).toContain(
      "Field 'canRenewOnline' was removed from object type 'PassportRenewal'",
    );
    expect(report.brokenOperations).toEqual([
      {
        path: 'examples/turning-65.graphql',
        operations: ['TurningSixtyFive'],
        errors: [
          expect.stringMatching(/Cannot query field "canRenewOnline" on type "PassportRenewal"/),
        ],
      },
    ]);
    const text = formatSchemaCheckReport(report);
    expect(text).toMatch(/^✗ state: composes; .* 1 breaking/);
    expect(text).toContain('examples/turning-65.graphql (TurningSixtyFive)');
  });

  it('passes an added field as a safe change, and a new enum value as dangerous', async () => {
    const report = await checkState((sdl) =>
      inPassportRenewal(sdl, (block) =>
        // After the whole line, so a field's directives (if any) stay with it.
        block.replace(/( {2}canRenewOnline: Boolean![^\n]*)/, '$1\n  renewalFee: Int'),
      ).replace('enum PassportRenewalStatusCode {', 'enum PassportRenewalStatusCode {\n  ON_HOLD'),
    );
    expect(report.breaking).toEqual([]);
    expect(report.brokenOperations).toEqual([]);
    expect(report.safe.map((c) => c.message)).toContain(
      "Field 'renewalFee' was added to object type 'PassportRenewal'",
    );
    expect(report.dangerous.map((c) => c.message)).toContain(
      "Enum value 'ON_HOLD' was added to enum 'PassportRenewalStatusCode'",
    );
    expect(report.passed).toBe(true);
  });

  it('explains in plain words why a subgraph no longer composes', async () => {
    // Status is shared by every agency: one agency changing a field's type breaks composition.
    const report = await checkState((sdl) =>
      sdl.replace(/(type Status[\s\S]*?)label: String!/, '$1label: Int!'),
    );
    expect(report.passed).toBe(false);
    expect(report.compositionErrors?.map((e) => e.code)).toContain('FIELD_TYPE_MISMATCH');
    const text = formatSchemaCheckReport(report);
    expect(text).toContain('Two subgraphs give the same field different types');
    expect(text).toContain('Status.label');
  });

  it('passes every subgraph as checked in', async () => {
    for (const candidate of checkedIn) {
      const report = await checkSubgraphSchema({
        candidate,
        others: checkedIn,
        baselineSupergraphSdl: read('schema/supergraph.graphql'),
        operations,
      });
      expect(report).toMatchObject({ passed: true, breaking: [], compositionErrors: null });
    }
    // One composition per subgraph: with 8 of them this outgrew the 5 s default on a busy machine.
  }, 60_000);
});
