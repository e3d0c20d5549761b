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

export interface PrintedSubgraph {
  name: string;
  url: string;
  sdl: string;
}

export interface ComposedSchema {
  subgraphs: { name: string; sdl: string }[];
  supergraphSdl: string;
  hints: string[];
}

/** Local-development URL of a subgraph, written into the supergraph; deployments override it. */
export const developmentUrl = (port: number) => `http://127.0.0.1:${port}/graphql`;

/** Composes printed subgraph SDL with @apollo/composition; throws CompositionError listing every error. */
export function composeSubgraphs(printed: readonly PrintedSubgraph[]): ComposedSchema {
  const result = composeServices(
    printed.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })),
  );
  if (result.errors) {
    throw new CompositionError(
      result.errors.map((e) => {
        const code = e.extensions['code'];
        return `[${typeof code === 'string' ? code : 'ERROR'}] ${e.message}`;
      }),
    );
  }
  return {
    subgraphs: printed.map(({ name, sdl }) => ({ name, sdl: `${sdl.trimEnd()}\n` })),
    supergraphSdl: `${result.supergraphSdl.trimEnd()}\n`,
    hints: result.hints.map((h) => `[${h.definition.code}] ${h.message}`),
  };
}

/**
 * Prints each subgraph's SDL from its code and composes the supergraph, exactly as
 * `npm run compose` writes them to schema/.
 */
export async function composeSupergraph(): Promise<ComposedSchema> {
  const printed = await Promise.all(
    subgraphs.map(async (definition) => ({
      name: definition.name,
      url: developmentUrl(definition.defaultPort),
      sdl: printSubgraphSchema(await definition.buildSchema()),
    })),
  );
  return composeSubgraphs(printed);
}
