// Writes docs/authorization.md from the checked-in supergraph and client registry.
// Run: npm run docs:authorization (after npm run compose).
import { loadClientRegistry } from '@resident-graph/authorization';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { authorizationDocsPath, renderAuthorizationDocs } from './lib/authorization-docs.js';

const root = new URL('../', import.meta.url);
const supergraph = readFileSync(new URL('schema/supergraph.graphql', root), 'utf8');
const clients = loadClientRegistry(fileURLToPath(new URL('config/clients.json', root)));
writeFileSync(new URL(authorizationDocsPath, root), renderAuthorizationDocs(supergraph, clients));
console.log(`wrote ${authorizationDocsPath}`);
