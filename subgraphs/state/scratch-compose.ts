import { printSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { identitySubgraph } from '@resident-graph/subgraph-identity';
const defs: any[] = [identitySubgraph];
for (const name of process.argv.slice(2)) defs.push((await import(`@resident-graph/subgraph-${name}`))[`${name}Subgraph`]);
const services = [];
for (const d of defs) {
  const sdl = printSubgraphSchema(await d.buildSchema());
  if (d.name !== 'identity') console.log(`# ---- ${d.name}\n${sdl}`);
  services.push({ name: d.name, url: `http://localhost/${d.name}`, typeDefs: parse(sdl) });
}
const result = composeServices(services);
console.log(result.errors ? result.errors.map((e) => e.message).join('\n') : 'COMPOSED OK');
for (const h of (result as any).hints ?? []) console.log('hint:', h.message ?? h.toString());
