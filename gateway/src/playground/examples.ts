import type { IdeExample } from '@resident-graph/ide';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every `*.graphql` file in `dir`, by name, for the IDE's tabs; none when the folder does not exist. */
export function readExampleOperations(dir: string): IdeExample[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => ({ name, query: readFileSync(join(dir, name), 'utf8') }));
}
