import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiSchema } from '../../scripts/lib/api-schema.js';
import { generateFrontendTypes } from '../../scripts/lib/codegen.js';
import { invalidOperations, readOperationFiles } from '../../scripts/lib/operations.js';

// What `npm run check` (check:generated) relies on, run in memory on the checked-in supergraph and on
// a copy of it with a field removed: nothing here edits a subgraph or a generated file.
const root = fileURLToPath(new URL('../../', import.meta.url));
const supergraphSdl = readFileSync(`${root}schema/supergraph.graphql`, 'utf8');
/** The supergraph as if SSA had removed `SocialSecurity.fullRetirementDate`. */
const withoutFullRetirementDate = supergraphSdl.replace(
  /\n\n\s*"""\n[^"]*"""\n\s*fullRetirementDate: LocalDate!/,
  '',
);

describe('front-end operations', () => {
  it('all validate against the checked-in supergraph', () => {
    const operations = readOperationFiles(root);
    expect(operations.map((o) => o.path)).toContain('frontend/operations/life-event-page.graphql');
    expect(invalidOperations(apiSchema(supergraphSdl), operations)).toEqual([]);
  });

  it('are named when the supergraph no longer has what they ask for', () => {
    expect(withoutFullRetirementDate).not.toBe(supergraphSdl);
    expect(
      invalidOperations(apiSchema(withoutFullRetirementDate), readOperationFiles(root)),
    ).toEqual([
      'frontend/operations/retirement-estimate.graphql: Cannot query field "fullRetirementDate" on type "SocialSecurity". Did you mean "fullRetirementAge"?',
    ]);
  });

  it('have checked-in typed documents equal to what codegen generates', async () => {
    const generated = await generateFrontendTypes(root, supergraphSdl);
    expect(generated.map((file) => file.path)).toEqual([
      'frontend/src/generated/gql.ts',
      'frontend/src/generated/graphql.ts',
      'frontend/src/generated/index.ts',
    ]);
    for (const file of generated) {
      expect(readFileSync(`${root}${file.path}`, 'utf8'), file.path).toBe(file.content);
    }
    expect(generated[1]!.content).toContain('export type RetirementEstimateQuery');
  });

  it('fail code generation, naming the operation, when they no longer validate', async () => {
    await expect(generateFrontendTypes(root, withoutFullRetirementDate)).rejects.toThrow(
      /fullRetirementDate/,
    );
  });
});
