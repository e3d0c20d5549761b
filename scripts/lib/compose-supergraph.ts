import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { subgraphs } from './subgraphs.js';

export class CompositionError extends Error {
  constructor(readonly messages: string[]) {
    super(
      `Composition failed with ${messages.length} error(s):\n\n${messages.map((m) => `  • ${m.replace(/\n/g, '\n    ')}`).join('\n\n')}`,
    );
    this.name = 'CompositionError';
  }
}

/** Local-development URL of a subgraph, written into the supergraph; deployments override it. */
export const developmentUrl = (port: number) => `http://127.0.0.1:${port}/graphql`;

/**
 * Prints each subgraph's SDL from its code and composes the supergraph with @apollo/composition,
 * exactly as `npm run compose` writes them to schema/. Throws CompositionError listing every error.
 */
export async function composeSupergraph(): Promise<{
  subgraphs: { name: string; sdl: string }[];
  supergraphSdl: string;
  hints: string[];
}> {
  const printed = await Promise.all(
    subgraphs.map(async (definition) => ({
      name: definition.name,
      url: developmentUrl(definition.defaultPort),
      sdl: printSubgraphSchema(await definition.buildSchema()),
    })),
  );
  const result = composeServices(
    printed.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })),
  );
  if (result.errors)
    throw new CompositionError(
      result.errors.map(
        (e) =>
          `[${typeof e.extensions['code'] === 'string' ? e.extensions['code'] : 'ERROR'}] ${e.message}`,
      ),
    );
  return {
    subgraphs: printed.map(({ name, sdl }) => ({ name, sdl: `${sdl.trimEnd()}\n` })),
    supergraphSdl: `${result.supergraphSdl.trimEnd()}\n`,
    hints: result.hints.map((h) => `[${h.definition.code}] ${h.message}`),
  };
}
