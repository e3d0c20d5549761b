// Fails when a checked-in generated file (error docs, subgraph SDL, supergraph, front-end typed
// documents) no longer matches what the code produces, or when a repository operation (examples/,
// frontend/operations/) no longer validates against the supergraph. Run: npm run check:generated
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiSchema } from './lib/api-schema.js';
import { codegenCommand, frontendGeneratedDir, generateFrontendTypes } from './lib/codegen.js';
import type { composeSupergraph } from './lib/compose-supergraph.js';
import { loadClientRegistry } from '@resident-graph/authorization';
import {
  authorizationDocsCommand,
  authorizationDocsPath,
  renderAuthorizationDocs,
} from './lib/authorization-docs.js';
import { errorDocsCommand, errorDocsPath, renderErrorDocs } from './lib/error-docs.js';
import { describeStaleFiles, findStaleFiles, type GeneratedFile } from './lib/generated-files.js';
import { invalidOperations, readOperationFiles } from './lib/operations.js';

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

// Every repository operation must validate against the graph the code composes, named if it does not.
const invalid = invalidOperations(apiSchema(supergraphSdl), readOperationFiles(root));
if (invalid.length > 0) {
  console.error(
    `Operations that no longer validate against the supergraph:\n  - ${invalid.join('\n  - ')}\n` +
      'Fix the operation, or keep what it uses in the schema (see npm run schema:check).',
  );
  process.exit(1);
}
const frontendTypes = await generateFrontendTypes(root, supergraphSdl);
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
  ...frontendTypes.map((file) => ({ ...file, expected: file.content, command: codegenCommand })),
];

const generatedPaths = new Set(files.map((file) => file.path));
const leftovers = existsSync(`${root}${subgraphSchemaDir}`)
  ? readdirSync(`${root}${subgraphSchemaDir}`)
      .filter((name) => name.endsWith('.graphql'))
      .map((name) => `${subgraphSchemaDir}/${name}`)
      .filter((path) => !generatedPaths.has(path))
      .map((path) => ({ path, command: composeCommand }))
  : [];

const generatedFrontend = `${root}${frontendGeneratedDir}`;
const frontendLeftovers = existsSync(generatedFrontend)
  ? readdirSync(generatedFrontend)
      .map((name) => `${frontendGeneratedDir}${name}`)
      .filter((path) => !generatedPaths.has(path))
      .map((path) => ({ path, command: codegenCommand }))
  : [];

const stale = findStaleFiles(files, read, [...leftovers, ...frontendLeftovers]);
if (stale.length > 0) {
  console.error(describeStaleFiles(stale));
  process.exit(1);
}
console.log(`Generated files are up to date (${files.length} checked).`);
