import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Kind, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';

/**
 * Folders of the repository's GraphQL operations: the life-event examples and the front-end
 * operations. Schema checks protect them; `npm run check` validates them against the supergraph.
 */
export const operationFolders = ['examples', 'frontend/operations'] as const;

export interface OperationFile {
  /** Path from the repository root, e.g. examples/turning-65.graphql. */
  path: string;
  document: DocumentNode;
}

function graphqlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return graphqlFiles(path);
      return entry.name.endsWith('.graphql') ? [path] : [];
    });
}

/** Every operation file under `operationFolders`, parsed (a syntax error throws, naming the file). */
export function readOperationFiles(root: string): OperationFile[] {
  return operationFolders.flatMap((folder) =>
    graphqlFiles(join(root, folder)).map((file) => {
      const path = relative(root, file);
      try {
        return { path, document: parse(readFileSync(file, 'utf8')) };
      } catch (error) {
        throw new Error(`${path}: ${(error as Error).message}`);
      }
    }),
  );
}

/** The names of a document's operations (`anonymous` for one without), for messages. */
export function operationNames(document: DocumentNode): string[] {
  return document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION ? [definition.name?.value ?? 'anonymous'] : [],
  );
}

/** Each way an operation does not validate against `schema`, as `path: message`. */
export function invalidOperations(
  schema: GraphQLSchema,
  operations: readonly OperationFile[],
): string[] {
  return operations.flatMap(({ path, document }) =>
    validate(schema, document).map((error) => `${path}: ${error.message}`),
  );
}
