import type { SigningKey } from '@resident-graph/caller';
import type { JSONWebKeySet } from 'jose';
import { createHash, webcrypto } from 'node:crypto';

/** The `prev_hash` of the first record: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a disclosure record says; everything here is covered by its hash and signature. */
export interface DisclosureContent {
  seq: number;
  id: string;
  disclosedAt: string;
  residentId: string;
  agency: string;
  fields: readonly string[];
  recipientKind: string;
  recipient: string;
  purpose: string;
  consentId: string | null;
  caseReference: string | null;
  requestId: string;
  retainUntil: string;
}

/**
 * The record's hash: SHA-256 over the previous record's hash and the record's content as a JSON
 * array in a fixed order (no key-order ambiguity), so changing, removing or reordering any record
 * changes every hash after it.
 */
export function recordHash(prevHash: string, content: DisclosureContent): string {
  const canonical = JSON.stringify([
    prevHash,
    content.seq,
    content.id,
    content.disclosedAt,
    content.residentId,
    content.agency,
    content.fields,
    content.recipientKind,
    content.recipient,
    content.purpose,
    content.consentId,
    content.caseReference,
    content.requestId,
    content.retainUntil,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Ed25519 signature (base64url) of the record's hash: recomputing the chain needs the key. */
export async function signHash(key: SigningKey, hash: string): Promise<string> {
  const signature = await webcrypto.subtle.sign(
    { name: 'Ed25519' },
    key.privateKey,
    new TextEncoder().encode(hash),
  );
  return Buffer.from(signature).toString('base64url');
}

/** A stored record as the verifier reads it. */
export interface StoredDisclosure extends DisclosureContent {
  prevHash: string;
  hash: string;
  keyId: string;
  signature: string;
}

export interface ChainProblem {
  seq: number;
  problem: string;
}

/**
 * Checks every record in `seq` order: consecutive numbers from 1, each `prevHash` the hash before
 * it, each hash recomputed from the content, each signature valid under a key of `jwks`, and the
 * chain head (the last hash the store recorded) equal to the last record's hash, so a removed tail
 * is found too. Returns every problem (empty when the chain is intact).
 */
export async function verifyChain(
  records: AsyncIterable<StoredDisclosure> | Iterable<StoredDisclosure>,
  head: { seq: number; hash: string },
  jwks: JSONWebKeySet,
): Promise<{ checked: number; problems: ChainProblem[] }> {
  const keys = new Map<string, webcrypto.CryptoKey>();
  for (const jwk of jwks.keys) {
    if (!jwk.kid) continue;
    keys.set(
      jwk.kid,
      await webcrypto.subtle.importKey(
        'jwk',
        jwk as webcrypto.JsonWebKey,
        { name: 'Ed25519' },
        false,
        ['verify'],
      ),
    );
  }
  const problems: ChainProblem[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for await (const record of records) {
    if (record.seq !== expectedSeq)
      problems.push({
        seq: record.seq,
        problem: `expected record ${expectedSeq} (missing records)`,
      });
    if (record.prevHash !== prevHash)
      problems.push({ seq: record.seq, problem: 'does not follow the record before it' });
    const hash = recordHash(record.prevHash, record);
    if (hash !== record.hash)
      problems.push({ seq: record.seq, problem: 'content does not match its hash (edited)' });
    const key = keys.get(record.keyId);
    const valid =
      key !== undefined &&
      (await webcrypto.subtle.verify(
        { name: 'Ed25519' },
        key,
        Buffer.from(record.signature, 'base64url'),
        new TextEncoder().encode(record.hash),
      ));
    if (!valid)
      problems.push({ seq: record.seq, problem: `signature not valid (key ${record.keyId})` });
    prevHash = record.hash;
    expectedSeq = record.seq + 1;
  }
  const checked = expectedSeq - 1;
  if (head.seq !== checked || head.hash !== prevHash)
    problems.push({
      seq: head.seq,
      problem: `the chain head says ${head.seq} records, the log ends at ${checked} (records removed or added)`,
    });
  return { checked, problems };
}
