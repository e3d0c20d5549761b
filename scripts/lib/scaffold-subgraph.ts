import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { AGENCY_NAME, agencyNames, subgraphFiles, type AgencyNames } from './subgraph-template.js';

/** The next free local-development port after every subgraph's `defaultPort`. */
function nextPort(root: string): number {
  const ports = readdirSync(join(root, 'subgraphs')).flatMap((name) => {
    const file = join(root, 'subgraphs', name, 'src', 'subgraph.ts');
    const port = existsSync(file) && /defaultPort:\s*(\d+)/.exec(readFileSync(file, 'utf8'))?.[1];
    return port ? [Number(port)] : [];
  });
  return Math.max(4100, ...ports) + 1;
}

function edit(root: string, path: string, change: (text: string) => string): void {
  const file = join(root, path);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`could not register the subgraph in ${path}`);
  writeFileSync(file, after);
}

/** Adds the subgraph to the one list compose, seed, start and the test harness iterate. */
function registerInSubgraphList(root: string, n: AgencyNames): void {
  edit(root, 'scripts/lib/subgraphs.ts', (text) =>
    text
      .replace(
        /(import \{ \w+ \} from '@resident-graph\/subgraph-[\w-]+';\n)(?!import \{ \w+ \} from '@resident-graph\/subgraph-)/,
        `$1import { ${n.camel}Subgraph } from '@resident-graph/subgraph-${n.name}';\n`,
      )
      .replace(/(\n)\];\s*$/, `$1  ${n.camel}Subgraph,\n];\n`),
  );
}

/** The image installs from manifests first, so every workspace's package.json is copied by name. */
function registerInDockerfile(root: string, n: AgencyNames): void {
  edit(root, 'Dockerfile', (text) =>
    text.replace(
      /(COPY subgraphs\/[\w-]+\/package\.json subgraphs\/[\w-]+\/\n)(?!COPY subgraphs\/)/,
      `$1COPY subgraphs/${n.name}/package.json subgraphs/${n.name}/\n`,
    ),
  );
}

/**
 * A service for the subgraph (on PostgreSQL as its own role, with its own password secret and its
 * own volume for local state), the
 * secret itself (`npm run deploy:secrets` writes it: its names come from the subgraph list), setup
 * mounting it to set the role's password, and the gateways' URL for it and wait on it.
 */
function registerInDockerCompose(root: string, n: AgencyNames): void {
  const role = `rg_${n.name.replace(/-/g, '_')}`;
  const service = `  ${n.name}:
    <<: *node-service
    command: ['npx', 'tsx', 'subgraphs/${n.name}/src/main.ts']
    environment:
      PORT: '${n.port}'
      HOST: 0.0.0.0
      DATABASE_URL: postgres://${role}@postgres:5432/rg
      DATABASE_PASSWORD_FILE: /run/secrets/db-password-${n.name}
      GATEWAY_JWKS_FILE: /public-keys/gateway-caller.jwks.json
      DATA_DIR: /data
    secrets:
      - db-password-${n.name}
    volumes:
      - public-keys:/public-keys:ro
      - ${n.name}-data:/data
    expose:
      - '${n.port}'
    depends_on:
      setup:
        condition: service_completed_successfully
      postgres:
        condition: service_healthy
    healthcheck:
      test:
        - CMD
        - node
        - -e
        - fetch('http://127.0.0.1:${n.port}/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))
      <<: *health-timing

`;
  edit(root, 'docker-compose.yml', (text) =>
    text
      // The new service goes before the gateways (the comment above them, or the first one).
      .replace(/\n((?: {2}#[^\n]*\n)*) {2}gateway-1:\n/, `\n${service}$1  gateway-1:\n`)
      .replace(
        /(\n(\s+)"[\w-]+": "http:\/\/[\w-]+:\d+\/graphql")\n(\s+)\}/g,
        `$1,\n$2"${n.name}": "http://${n.name}:${n.port}/graphql"\n$3}`,
      )
      // The gateways' shared dependencies (an anchor the other gateways reuse): wait on it too.
      .replace(
        /(\n {4}depends_on: &gateway-dependencies\n(?: {6}[\w-]+:\n {8}condition: \w+\n)+)/,
        `$1      ${n.name}:\n        condition: service_healthy\n`,
      )
      // setup sets every role's password, so it mounts every agency's secret.
      .replace(
        /(\n {4}secrets:\n {6}- postgres-admin-password\n(?: {6}- db-password-[\w-]+\n)+)/,
        `$1      - db-password-${n.name}\n`,
      )
      .replace(
        /(\nsecrets:\n(?: {2}[\w-]+:\n {4}file: [^\n]+\n)+)/,
        `$1  db-password-${n.name}:\n    file: ./deploy/secrets/db-password-${n.name}\n`,
      )
      // Its own volume, after the other agencies' ones.
      .replace(
        /(\nvolumes:\n(?:.*\n)*? {2}[\w-]+-data:\n)(?! {2}[\w-]+-data:)/,
        `$1  ${n.name}-data:\n`,
      ),
  );
}

const vocabularyFile = 'internal/authorization/src/vocabulary.ts';
const clientsFile = 'config/clients.json';
/** The development sign-in's client, which holds every scope so `npm run token` reaches every field. */
const devClientId = 'resident-graph-dev';

/** Where the repository declares access rules in the schema, the agency's scope joins the vocabulary. */
async function registerScope(root: string, n: AgencyNames): Promise<void> {
  const scope = `${n.name}:read`;
  edit(root, vocabularyFile, (text) =>
    text.replace(
      /(\n)(\} as const satisfies Record<string, string>;\nexport type Scope\b)/,
      `$1  '${scope}': '${n.upper} records (say what they are and under which law).',\n$2`,
    ),
  );
  const file = join(root, clientsFile);
  const registry = JSON.parse(readFileSync(file, 'utf8')) as {
    clients: { id: string; scopes: string[] }[];
  };
  const devClient = registry.clients.find((client) => client.id === devClientId);
  if (!devClient) throw new Error(`${clientsFile} has no ${devClientId} client`);
  devClient.scopes.push(scope);
  const options = await resolveConfig(file);
  writeFileSync(file, await format(JSON.stringify(registry), { ...options, filepath: file }));
}

/** Whether the repository declares access rules in the schema (internal/authorization). */
export const hasSchemaAuthorization = (root: string) => existsSync(join(root, vocabularyFile));

/**
 * Writes `subgraphs/<name>/` in the standard shape and registers it everywhere the repository lists
 * subgraphs (scripts/lib/subgraphs.ts, Dockerfile, docker-compose.yml) and, where access rules live in
 * the schema, its `<name>:read` scope (internal/authorization vocabulary, the dev client). Refuses an invalid or taken
 * name. Returns the names used and the files written (relative to `root`).
 */
export async function scaffoldSubgraph(
  root: string,
  name: string,
): Promise<{ names: AgencyNames; written: string[] }> {
  if (!AGENCY_NAME.test(name)) {
    throw new Error(
      `"${name}" is not a subgraph name: lower-case letters and digits, words joined by hyphens (e.g. va, fema).`,
    );
  }
  const folder = join(root, 'subgraphs', name);
  if (existsSync(folder)) throw new Error(`subgraphs/${name} already exists.`);
  const names = agencyNames(name, nextPort(root));
  const protectedFields = hasSchemaAuthorization(root);
  const written: string[] = [];
  for (const [path, content] of Object.entries(subgraphFiles(names, { protectedFields }))) {
    const file = join(folder, path);
    mkdirSync(dirname(file), { recursive: true });
    const options = await resolveConfig(file);
    writeFileSync(file, await format(content, { ...options, filepath: file }));
    written.push(`subgraphs/${name}/${path}`);
  }
  registerInSubgraphList(root, names);
  registerInDockerfile(root, names);
  registerInDockerCompose(root, names);
  if (protectedFields) await registerScope(root, names);
  return { names, written };
}
