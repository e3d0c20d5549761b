// npm run schema:check -- <subgraph> [<subgraph> …] | --all
// For an agency team about to change its subgraph: composes the graph with the subgraph's current code
// (the others as checked in under schema/subgraphs/), explains composition errors in plain words, lists
// breaking, dangerous and safe changes against the checked-in schema/supergraph.graphql, and names the
// repository operations (examples/, frontend/operations/) that would break. Exits 1 on any breakage.
import { printSubgraphSchema } from '@apollo/subgraph';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { developmentUrl } from './lib/compose-supergraph.js';
import { readOperationFiles } from './lib/operations.js';
import { checkSubgraphSchema, formatSchemaCheckReport } from './lib/schema-check.js';
import { subgraphs } from './lib/subgraphs.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const names = subgraphs.map((s) => s.name);
const usage = `usage: npm run schema:check -- <subgraph> [<subgraph> …] | --all
  subgraphs: ${names.join(' ')}`;

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: { all: { type: 'boolean', default: false } },
  });
} catch (error) {
  fail((error as Error).message);
}
const chosen = args.values.all ? names : args.positionals;
if (chosen.length === 0) fail('Say which subgraph to check.');
const unknown = chosen.filter((name) => !names.includes(name));
if (unknown.length > 0) fail(`Unknown subgraph(s): ${unknown.join(', ')}.`);

const checkedIn = (path: string) => {
  const file = `${root}${path}`;
  if (!existsSync(file)) fail(`${path} is missing; run \`npm run compose\` on main first.`);
  return readFileSync(file, 'utf8');
};
const baselineSupergraphSdl = checkedIn('schema/supergraph.graphql');
const others = subgraphs.map((definition) => ({
  name: definition.name,
  url: developmentUrl(definition.defaultPort),
  sdl: checkedIn(`schema/subgraphs/${definition.name}.graphql`),
}));
const operations = readOperationFiles(root);

let failed = false;
for (const name of chosen) {
  const definition = subgraphs.find((s) => s.name === name)!;
  let sdl: string;
  try {
    sdl = printSubgraphSchema(await definition.buildSchema());
  } catch (error) {
    console.error(`✗ ${name}: its schema does not build from code: ${(error as Error).message}\n`);
    failed = true;
    continue;
  }
  const report = await checkSubgraphSchema({
    candidate: { name, url: developmentUrl(definition.defaultPort), sdl },
    others,
    baselineSupergraphSdl,
    operations,
  });
  (report.passed ? console.log : console.error)(`${formatSchemaCheckReport(report)}\n`);
  failed ||= !report.passed;
}
if (args.values.all && !failed) {
  console.log(
    `Schema check passed for all ${chosen.length} subgraphs (${operations.length} operation files).`,
  );
}
process.exit(failed ? 1 : 0);
