// npm run new:subgraph -- <agency>: scaffolds subgraphs/<agency>/ in the standard shape (a sample
// entity extending Resident, a DataLoader, store, seed, tests, README) and registers it with
// npm start, composition, seeding, the test harness, the Dockerfile and docker-compose.yml.
// Next steps are printed; docs/agency-guide.md walks through them.
import { fileURLToPath } from 'node:url';
import { hasSchemaAuthorization, scaffoldSubgraph } from './lib/scaffold-subgraph.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const [name, ...extra] = process.argv.slice(2);
if (!name || extra.length > 0) {
  console.error('usage: npm run new:subgraph -- <agency>   (e.g. va, fema)');
  process.exit(2);
}
try {
  const { names, written } = await scaffoldSubgraph(root, name);
  console.log(`Created subgraphs/${name}/ (${written.length} files, port ${names.port}) and registered it in
scripts/lib/subgraphs.ts, Dockerfile and docker-compose.yml${
    hasSchemaAuthorization(root) ? ` (and its ${name}:read scope)` : ''
  }.

Next:
  npm install                           # links the new workspace
  npm run compose                       # adds its SDL to schema/ and recomposes the supergraph${
    hasSchemaAuthorization(root)
      ? `\n  npm run docs:authorization            # documents its ${name}:read scope`
      : ''
  }
  npx vitest run subgraphs/${name}          # its tests
  npm run schema:check -- ${name}           # what it changes for clients
  npm run check && npm test             # everything

Then rename ${names.pascal}Case to the agency's real records: see docs/agency-guide.md.`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
