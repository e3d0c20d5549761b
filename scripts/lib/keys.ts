import { loadOrCreateSigningKeyFile } from '@resident-graph/caller';
import { loadOrCreateDevIssuerKey } from '@resident-graph/dev-issuer';

/**
 * Development keys, created once in `dataDir/keys/`: the gateway's caller-token key (subgraphs read
 * its public half at start-up, so it must exist before any of them starts) and the dev issuer's key
 * (`npm run token` signs with it, the gateway verifies against it). Production mounts real keys.
 */
export async function ensureDevelopmentKeys(dataDir: string): Promise<void> {
  await loadOrCreateSigningKeyFile(`${dataDir}/keys/gateway-caller.json`, 'gateway-caller');
  await loadOrCreateDevIssuerKey(dataDir);
}
