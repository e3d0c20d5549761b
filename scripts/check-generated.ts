// Fails when a checked-in generated file (error docs, subgraph SDL, supergraph) no longer matches
// what the code produces. Run: npm run check:generated
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { composeSupergraph } from './lib/compose-supergraph.js';
import { loadClientRegistry } from '@resident-graph/authorization';
import {
  authorizationDocsCommand,
  authorizationDocsPath,
  renderAuthorizationDocs,
} from './lib/authorization-docs.js';
import { errorDocsCommand, errorDocsPath, renderErrorDocs } from './lib/error-docs.js';
import { describeStaleFiles, findStaleFiles, type GeneratedFile } from './lib/generated-files.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const composeCommand = 'npm run compose';
const subgraphSchemaDir = 'schema/subgraphs';

function read(path: string): string | null {
  const file = `${root}${path}`;
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

const errorDocs: GeneratedFile = {
  path: errorDocsPath,
  expected: renderErrorDocs(),
  command: errorDocsCommand,
};

// Composition errors (a subgraph that does not build or compose) are reported like staleness, after
// the checks that do not need composition, instead of as a bare stack trace.
let composed: Awaited<ReturnType<typeof composeSupergraph>>;
try {
  // Imported here so a subgraph that fails to load is reported like a composition error.
  const { composeSupergraph: compose } = await import('./lib/compose-supergraph.js');
  composed = await compose();
} catch (error) {
  const stale = findStaleFiles([errorDocs], read);
  if (stale.length > 0) console.error(describeStaleFiles(stale));
  console.error(
    `Could not compose the supergraph, so schema/ was not checked (${composeCommand} fails the same way):`,
  );
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const { subgraphs, supergraphSdl } = composed;
const files: GeneratedFile[] = [
  errorDocs,
  ...subgraphs.map((subgraph) => ({
    path: `${subgraphSchemaDir}/${subgraph.name}.graphql`,
    expected: subgraph.sdl,
    command: composeCommand,
  })),
  { path: 'schema/supergraph.graphql', expected: supergraphSdl, command: composeCommand },
  {
    path: authorizationDocsPath,
    expected: renderAuthorizationDocs(
      supergraphSdl,
      loadClientRegistry(`${root}config/clients.json`),
    ),
    command: `${composeCommand} && ${authorizationDocsCommand}`,
  },
];

const generatedPaths = new Set(files.map((file) => file.path));
const leftovers = existsSync(`${root}${subgraphSchemaDir}`)
  ? readdirSync(`${root}${subgraphSchemaDir}`)
      .filter((name) => name.endsWith('.graphql'))
      .map((name) => `${subgraphSchemaDir}/${name}`)
      .filter((path) => !generatedPaths.has(path))
      .map((path) => ({ path, command: composeCommand }))
  : [];

const stale = findStaleFiles(files, read, leftovers);
if (stale.length > 0) {
  console.error(describeStaleFiles(stale));
  process.exit(1);
}
console.log(`Generated files are up to date (${files.length} checked).`);
