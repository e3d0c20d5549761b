import type { Kysely } from '@resident-graph/store';
import type { JSONWebKeySet } from 'jose';
import type { IdentityDatabase } from '../store/database.js';
import { verifyChain, type ChainProblem } from './chain.js';
import { chainHead, readChain } from './disclosure-log.js';

/**
 * Checks identity's whole disclosure log against the public keys it was signed with: every record
 * in place, unedited, signed, and none removed from the end. What `npm run audit:verify` runs.
 */
export async function verifyDisclosureLog(
  db: Kysely<IdentityDatabase>,
  jwks: JSONWebKeySet,
): Promise<{ checked: number; problems: ChainProblem[] }> {
  return verifyChain(readChain(db), await chainHead(db), jwks);
}
