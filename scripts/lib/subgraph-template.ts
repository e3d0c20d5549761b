/**
 * The files of a new agency subgraph in the standard shape (docs/subgraph-contract.md): config via the
 * shared runtime, a store with its migrations and seed, a sample entity (`<Agency>Case`) with its
 * DataLoader and reference resolver, the field it adds to `Resident`, tests and a README. Everything
 * an agency team then renames or extends; nothing here is agency-specific beyond the names.
 */
export interface AgencyNames {
  /** Folder, subgraph and package suffix: `va`, `fema`. */
  name: string;
  /** For identifiers: `Va`, `Fema`. */
  pascal: string;
  /** For fields and variables: `va`, `fema`. */
  camel: string;
  /** For internal ids and the README: `VA`, `FEMA`. */
  upper: string;
  /** Local-development port. */
  port: number;
}

/** Lower-case letters and digits, words joined by hyphens: a folder, a package and a GraphQL name. */
export const AGENCY_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function agencyNames(name: string, port: number): AgencyNames {
  const words = name.split('-');
  const pascal = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return {
    name,
    pascal,
    camel: pascal[0]!.toLowerCase() + pascal.slice(1),
    upper: words.join('_').toUpperCase(),
    port,
  };
}

export interface TemplateOptions {
  /**
   * The repository declares access rules in the schema (internal/authorization): every field the
   * agency adds or owns then needs the `<agency>:read` scope, which the scaffold registers.
   */
  protectedFields: boolean;
}

/** schema.ts: with or without the access rules of the repository it is generated into. */
function schemaFile({ name, pascal: P, upper: U }: AgencyNames, options: TemplateOptions): string {
  const imports = `import { resolveCaseReference } from './case/case.reference.js';
import { ${P}Case } from './case/case.type.js';
import type { ${P}Context } from './context.js';
import { ResidentRef } from './resident/resident.ref.js';
import { resolveResidentReference } from './resident/resident.reference.js';
import { ${P}ResidentResolver } from './resident/resident.resolver.js';`;
  const types = `// No root field reaches these types: the gateway enters this subgraph only through \`_entities\`.
    { resolvers: [${P}ResidentResolver], orphanedTypes: [ResidentRef, ${P}Case] }`;
  const references = `{
      Resident: { __resolveReference: resolveResidentReference },
      ${P}Case: { __resolveReference: resolveCaseReference },
    }`;
  if (!options.protectedFields) {
    return `import { buildFederatedSchema, once } from '@resident-graph/federation';
${imports}

export const build${P}Schema = once(() =>
  buildFederatedSchema<${P}Context>(
    ${types},
    ${references},
  ),
);
`;
  }
  return `import { buildFederatedSchema, once, type Protection } from '@resident-graph/federation';
${imports}

/** Every field ${U} adds or owns needs the ${name}:read scope. */
const agencyRecords: Protection = { scopes: ['${name}:read'] };

export const build${P}Schema = once(() =>
  buildFederatedSchema<${P}Context>(
    ${types},
    {
      referenceResolvers: ${references},
      protectedTypes: Object.fromEntries(
        ['Resident', '${P}Case'].map((type) => [type, agencyRecords]),
      ),
    },
  ),
);
`;
}

/** Path (from the subgraph's folder) → content. */
export function subgraphFiles(n: AgencyNames, options: TemplateOptions): Record<string, string> {
  const { name, pascal: P, camel: c, upper: U, port } = n;
  const idColumn = `${name.replaceAll('-', '_')}_id`;
  return {
    'package.json': `${JSON.stringify(
      {
        name: `@resident-graph/subgraph-${name}`,
        version: '0.0.0',
        private: true,
        type: 'module',
        exports: { '.': './src/index.ts' },
        scripts: { start: 'tsx src/main.ts' },
        dependencies: {
          '@resident-graph/calendar': '*',
          '@resident-graph/caller': '*',
          '@resident-graph/federation': '*',
          '@resident-graph/personas': '*',
          '@resident-graph/store': '*',
          dataloader: '2.2.3',
          'type-graphql': '2.0.0-rc.4',
        },
        devDependencies: { '@resident-graph/testing': '*' },
      },
      null,
      2,
    )}\n`,

    'README.md': `# ${U} subgraph

**Owner:** the ${U} team. Scaffolded with \`npm run new:subgraph -- ${name}\`; see
\`docs/agency-guide.md\` for the next steps.

- **Owns:** \`${P}Case\` (key \`residentId\`): the resident's case at ${U} — a sample entity to
  rename and grow into the agency's real records.
- **Extends:** \`Resident\` (owned by identity) with \`${c}Case: ${P}Case\`.
- **Store:** SQLite (\`${name}.sqlite\`); \`resident_link\` maps the platform resident id to ${U}'s own
  id (\`${U}-C-000000001\`); nothing is keyed by SSN.

## Environment

The shared subgraph runtime reads PORT (default ${port}), HOST, DATA_DIR, DATABASE_FILE,
GATEWAY_JWKS_FILE, RG_TODAY, RG_TIME_ZONE and LOG_LEVEL; see \`internal/federation/src/subgraph-config.ts\`.

## Example operation

\`\`\`graphql
{
  me {
    ${c}Case {
      caseNumber
      openedOn
      summary
    }
  }
}
\`\`\`
`,

    'src/index.ts': `export { ${c}Subgraph } from './subgraph.js';\n`,

    'src/main.ts': `import { runSubgraph } from '@resident-graph/federation';
import { ${c}Subgraph } from './subgraph.js';

await runSubgraph(${c}Subgraph, process.env);
`,

    'src/subgraph.ts': `import type { SubgraphDefinition } from '@resident-graph/federation';
import { create${P}Context, type ${P}Context } from './context.js';
import { build${P}Schema } from './schema.js';
import type { ${P}Database } from './store/database.js';
import { ${c}Migrations } from './store/migrations.js';
import { is${P}Seeded, seed${P} } from './store/seed.js';

export const ${c}Subgraph: SubgraphDefinition<${P}Database, ${P}Context> = {
  name: '${name}',
  defaultPort: ${port},
  migrations: ${c}Migrations,
  buildSchema: build${P}Schema,
  createContext: create${P}Context,
  seed: seed${P},
  isSeeded: is${P}Seeded,
};
`,

    'src/context.ts': `import type { Clock } from '@resident-graph/calendar';
import type { Caller } from '@resident-graph/caller';
import type { SubgraphDeps } from '@resident-graph/federation';
import { createCaseLoader } from './case/case.loader.js';
import type { ${P}Database } from './store/database.js';

export interface ${P}Context {
  caller: Caller;
  clock: Clock;
  /** Created per request: a loader's cache must not outlive its request. */
  loaders: { caseByResident: ReturnType<typeof createCaseLoader> };
}

export function create${P}Context(deps: SubgraphDeps<${P}Database>, caller: Caller): ${P}Context {
  return { caller, clock: deps.clock, loaders: { caseByResident: createCaseLoader(deps.store.db) } };
}
`,

    'src/schema.ts': schemaFile(n, options),

    'src/store/database.ts': `/**
 * ${U}'s store. Cases are keyed by ${U}'s own id (\`${U}-C-000000123\`); \`resident_link\` is the only
 * place the platform's resident id appears.
 */
export interface ${P}Database {
  resident_link: {
    resident_id: string;
    ${idColumn}: string;
  };
  ${idColumn.replace(/_id$/, '')}_case: {
    ${idColumn}: string;
    opened_on: string;
    summary: string;
  };
}
`,

    'src/store/migrations.ts': `import type { Kysely, Migration } from '@resident-graph/store';

export const ${c}Migrations: Record<string, Migration> = {
  '0001_case': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('resident_link')
        .addColumn('resident_id', 'text', (c) => c.primaryKey())
        .addColumn('${idColumn}', 'text', (c) => c.notNull().unique())
        .execute();
      await db.schema
        .createTable('${idColumn.replace(/_id$/, '')}_case')
        .addColumn('${idColumn}', 'text', (c) =>
          c.primaryKey().references('resident_link.${idColumn}'),
        )
        .addColumn('opened_on', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
`,

    'src/store/seed.ts': `import { addYears } from '@resident-graph/calendar';
import type { ResidentFacts } from '@resident-graph/personas';
import {
  hasResidentLinks,
  insertIgnoringExisting,
  linkResidents,
  type Insertable,
  type Kysely,
} from '@resident-graph/store';
import type { ${P}Database } from './database.js';

const ${U}_IDS = { idColumn: '${idColumn}', prefix: '${U}-C-' } as const;

/**
 * Writes ${U}'s part of a batch of synthetic residents in one transaction. The sample: every resident
 * has a case opened on their 18th birthday. Replace it with facts from \`ResidentFacts\` once the
 * personas carry ${U}'s data (internal/personas). Re-seeding is harmless: inserts ignore existing rows.
 */
export async function seed${P}(
  db: Kysely<${P}Database>,
  residents: readonly ResidentFacts[],
): Promise<void> {
  if (residents.length === 0) return;
  await db.transaction().execute(async (trx) => {
    const ids = await linkResidents(
      trx,
      ${U}_IDS,
      residents.map((r) => r.id),
    );
    const cases: Insertable<${P}Database['${idColumn.replace(/_id$/, '')}_case']>[] = residents.map((r) => ({
      ${idColumn}: ids.get(r.id)!,
      opened_on: addYears(r.identity.birthDate, 18),
      summary: 'Registered with ${U}.',
    }));
    await insertIgnoringExisting(trx, '${idColumn.replace(/_id$/, '')}_case', cases);
  });
}

export function is${P}Seeded(db: Kysely<${P}Database>): Promise<boolean> {
  return hasResidentLinks(db);
}
`,

    'src/case/case.type.ts': `import { LocalDate } from '@resident-graph/federation';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The resident's case at ${U}: "this resident at this agency", keyed like every agency task. */
@Directive('@key(fields: "residentId")')
@ObjectType('${P}Case', { description: 'Your case at ${U}.' })
export class ${P}Case {
  @Field(() => ID, { description: 'The platform resident id this case belongs to.' })
  residentId!: string;

  @Field(() => String, { description: '${U}’s own case number, e.g. ${U}-C-000000001.' })
  caseNumber!: string;

  @Field(() => LocalDate, { description: 'When the case was opened.' })
  openedOn!: string;

  @Field(() => String, { description: 'What the case is about, in plain language.' })
  summary!: string;
}
`,

    'src/case/case.loader.ts': `import { inKeyOrder, MAX_KEYS_PER_QUERY, type Kysely } from '@resident-graph/store';
import DataLoader from 'dataloader';
import type { ${P}Database } from '../store/database.js';
import { ${P}Case } from './case.type.js';

/** The resident's case by platform resident id: one query per batch, \`null\` for none. */
export function createCaseLoader(db: Kysely<${P}Database>) {
  return new DataLoader<string, ${P}Case | null>(
    async (residentIds) => {
      const rows = await db
        .selectFrom('resident_link as l')
        .innerJoin('${idColumn.replace(/_id$/, '')}_case as c', 'c.${idColumn}', 'l.${idColumn}')
        .select(['l.resident_id', 'c.${idColumn}', 'c.opened_on', 'c.summary'])
        .where('l.resident_id', 'in', [...residentIds])
        .execute();
      return inKeyOrder(residentIds, rows, (row) => row.resident_id).map((row) =>
        row
          ? Object.assign(new ${P}Case(), {
              residentId: row.resident_id,
              caseNumber: row.${idColumn},
              openedOn: row.opened_on,
              summary: row.summary,
            })
          : null,
      );
    },
    { maxBatchSize: MAX_KEYS_PER_QUERY },
  );
}
`,

    'src/case/case.reference.ts': `import { assertMayReadResident } from '@resident-graph/federation';
import type { ${P}Context } from '../context.js';
import type { ${P}Case } from './case.type.js';

export async function resolveCaseReference(
  reference: Pick<${P}Case, 'residentId'>,
  { caller, loaders }: ${P}Context,
): Promise<${P}Case | null> {
  // Load first, then authorize: every representation of one \`_entities\` request joins one batch.
  const found = await loaders.caseByResident.load(reference.residentId);
  assertMayReadResident(caller, reference.residentId);
  return found;
}
`,

    'src/resident/resident.ref.ts': `import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The identity-owned Resident as this subgraph sees it: just its key, extended with the case. */
@Directive('@key(fields: "id")')
@ObjectType('Resident')
export class ResidentRef {
  @Field(() => ID)
  id!: string;
}
`,

    'src/resident/resident.reference.ts': `import { ResidentRef } from './resident.ref.js';

/** Nothing to load: the fields this subgraph adds to Resident load (and authorize) themselves. */
export async function resolveResidentReference(
  reference: Pick<ResidentRef, 'id'>,
): Promise<ResidentRef> {
  return Object.assign(new ResidentRef(), { id: reference.id });
}
`,

    'src/resident/resident.resolver.ts': `import { assertMayReadResident } from '@resident-graph/federation';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ${P}Case } from '../case/case.type.js';
import type { ${P}Context } from '../context.js';
import { ResidentRef } from './resident.ref.js';

/** The case on Resident; authorizes before it loads, so others' requests never reach the store. */
@Resolver(() => ResidentRef)
export class ${P}ResidentResolver {
  @FieldResolver(() => ${P}Case, {
    nullable: true,
    description: 'The resident’s case at ${U}; null when they have none.',
  })
  async ${c}Case(
    @Root() resident: ResidentRef,
    @Ctx() { caller, loaders }: ${P}Context,
  ): Promise<${P}Case | null> {
    assertMayReadResident(caller, resident.id);
    return loaders.caseByResident.load(resident.id);
  }
}
`,

    'src/context.test.ts': `import { describeLoaderBatching } from '@resident-graph/testing';
import { ${c}Subgraph } from './subgraph.js';

await describeLoaderBatching(${c}Subgraph);
`,

    'src/resident/resident.test.ts': `import { addYears } from '@resident-graph/calendar';
import { personas } from '@resident-graph/personas';
import {
  entitiesQuery,
  startTestSubgraph,
  TEST_TODAY,
  type TestSubgraph,
} from '@resident-graph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ${P}Database } from '../store/database.js';
import { ${c}Subgraph } from '../subgraph.js';

const query = entitiesQuery('Resident', 'id ${c}Case { residentId caseNumber openedOn summary }');
const asResident = (id: string) => ({ representations: [{ __typename: 'Resident', id }] });

describe('${name} subgraph: Resident', () => {
  let subgraph: TestSubgraph<${P}Database>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(${c}Subgraph);
  });
  afterAll(() => subgraph.stop());

  it.each(personas(TEST_TODAY).map((p) => [p.id, p.identity.birthDate] as const))(
    'gives %s their own case',
    async (id, birthDate) => {
      const result = await subgraph.query(query, { as: id, variables: asResident(id) });
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities).toEqual([
        {
          id,
          ${c}Case: {
            residentId: id,
            caseNumber: expect.stringMatching(/^${U}-C-\\d+$/),
            openedOn: addYears(birthDate, 18),
            summary: 'Registered with ${U}.',
          },
        },
      ]);
    },
  );

  it('refuses another resident’s case without reading the store', async () => {
    subgraph.store.resetQueryCount();
    const result = await subgraph.query<{ _entities: unknown[] }>(query, {
      as: 'rsd_ava',
      variables: asResident('rsd_nora'),
    });
    // The field is nullable, so only it is refused, with FORBIDDEN.
    expect(result.data?._entities).toEqual([{ id: 'rsd_nora', ${c}Case: null }]);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(subgraph.store.queryCount()).toBe(0);
  });

  it('resolves its own entity by reference, for the caller only', async () => {
    const result = await subgraph.query<{ _entities: unknown[] }>(
      entitiesQuery('${P}Case', 'residentId caseNumber'),
      {
        as: 'rsd_ava',
        variables: {
          representations: [
            { __typename: '${P}Case', residentId: 'rsd_ava' },
            { __typename: '${P}Case', residentId: 'rsd_nora' },
          ],
        },
      },
    );
    expect(result.data?._entities).toEqual([
      { residentId: 'rsd_ava', caseNumber: expect.stringMatching(/^${U}-C-/) },
      null,
    ]);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
`,
  };
}
