import { loadOrCreateDevIssuerKey } from '@resident-graph/dev-issuer';
import { ideAssetsDir } from '@resident-graph/ide';
import type { GatewayConfig } from '../config.js';
import { readExampleOperations } from './examples.js';
import { personaSignIn } from './persona-sign-in.js';
import type { PlaygroundOptions } from './playground.js';

/** The IDE as the configuration asks for it, or undefined when it is off. */
export async function playgroundFromConfig(
  config: GatewayConfig,
): Promise<PlaygroundOptions | undefined> {
  if (!config.ide.enabled) return undefined;
  return {
    assetsDir: ideAssetsDir,
    examples: readExampleOperations(config.ide.examplesDir),
    ...(config.ide.devSignIn
      ? { devSignIn: personaSignIn(await loadOrCreateDevIssuerKey(config.dataDir), config.auth) }
      : {}),
  };
}
