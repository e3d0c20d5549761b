// npm run compose: prints every subgraph's SDL into schema/subgraphs/ and composes schema/supergraph.graphql.
import { mkdirSync, writeFileSync } from 'node:fs';
import { CompositionError, composeSupergraph } from './lib/compose-supergraph.js';

try {
  const { subgraphs, supergraphSdl, hints } = await composeSupergraph();
  mkdirSync('schema/subgraphs', { recursive: true });
  for (const { name, sdl } of subgraphs) writeFileSync(`schema/subgraphs/${name}.graphql`, sdl);
  writeFileSync('schema/supergraph.graphql', supergraphSdl);
  for (const hint of hints) console.log(`hint: ${hint}`);
  console.log(`Composed ${subgraphs.length} subgraphs into schema/supergraph.graphql`);
} catch (error) {
  console.error(error instanceof CompositionError ? error.message : error);
  process.exit(1);
}
