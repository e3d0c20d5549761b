// Fails when a workspace imports a package its package.json does not declare, or declares one it
// never imports. Run: npm run check:dependencies
import { fileURLToPath } from 'node:url';
import { checkWorkspaceDependencies, workspaceFolders } from './lib/workspace-dependencies.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const problems = checkWorkspaceDependencies(root, workspaceFolders(root));
if (problems.length > 0) {
  for (const { workspace, kind, dependency } of problems) {
    console.error(
      `${workspace}: ${kind === 'undeclared' ? 'imports' : 'declares but never imports'} ${dependency}`,
    );
  }
  console.error(
    `\n${problems.length} dependency problem(s): fix the workspaces' package.json files.`,
  );
  process.exit(1);
}
console.log('Workspace dependencies match their imports.');
