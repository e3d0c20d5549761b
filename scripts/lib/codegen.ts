import { generate } from '@graphql-codegen/cli';
import { apiSchemaSdl } from './api-schema.js';

/** Where the front-end operations live and where their typed documents are generated. */
export const frontendOperationsGlob = 'frontend/operations/**/*.graphql';
export const frontendGeneratedDir = 'frontend/src/generated/';
export const codegenCommand = 'npm run codegen';

export interface GeneratedTypeScript {
  /** Path from the repository root. */
  path: string;
  content: string;
}

/**
 * TypeScript types and typed documents (`TypedDocumentNode`) for every front-end operation, from
 * GraphQL Code Generator's client preset, against the API schema of `supergraphSdl`. Nothing is
 * written: the caller writes the files (npm run codegen) or compares them (npm run check). Throws
 * when an operation does not validate against the schema, naming it.
 */
export async function generateFrontendTypes(
  root: string,
  supergraphSdl: string,
): Promise<GeneratedTypeScript[]> {
  // `generate` is typed loosely (it also serves the CLI); without saving it returns the files.
  const outputs = (await generate(
    {
      cwd: root,
      schema: apiSchemaSdl(supergraphSdl),
      documents: [frontendOperationsGlob],
      silent: true,
      generates: {
        [frontendGeneratedDir]: {
          preset: 'client',
          // Operations live in .graphql files, so there is no `graphql()` tag to mask fragments with.
          presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
          config: {
            useTypeImports: true,
            emitLegacyCommonJSImports: false,
            enumsAsTypes: true,
            scalars: { LocalDate: 'string' },
          },
        },
      },
    },
    false,
  )) as { filename: string; content: string }[];
  return outputs
    .map((output) => ({
      path: output.filename.startsWith(root) ? output.filename.slice(root.length) : output.filename,
      content: output.content,
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
