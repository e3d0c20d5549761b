import { isScope, staffAgencyOf } from '@resident-graph/authorization';
import { addDays, isIsoDate, type IsoDate } from '@resident-graph/calendar';
import { BadUserInputError, ConsentPreviewRequiredError } from '@resident-graph/errors';
import { sql, type Kysely, type Selectable } from '@resident-graph/store';
import { Kind, OperationTypeNode, parse } from 'graphql';
import { createHash, randomUUID } from 'node:crypto';
import type { IdentityDatabase } from '../store/database.js';
import {
  ConsentRequestStatus,
  ConsentStatus,
  FetchPeriod,
  type ConsentGrant,
  type ConsentPurpose,
  type ConsentRequest,
} from './consent.type.js';

type GrantRow = Selectable<IdentityDatabase['consent_grant']>;
type RequestRow = Selectable<IdentityDatabase['consent_request']>;
type Db = Kysely<IdentityDatabase>;

/** Longest a consent may last, and longest an application may keep what it receives. */
export const MAX_CONSENT_DAYS = 366;
export const MAX_RETENTION_DAYS = 365;
export const MAX_FETCHES = 1000;
const MAX_OPERATION_BYTES = 20_000;

/** SHA-256 (hex) of an operation's exact text: what Apollo Server calls the query hash. */
export const operationHash = (operation: string) =>
  createHash('sha256').update(operation).digest('hex');

export interface TermsInput {
  scopes: string[];
  purpose: ConsentPurpose;
  expiresOn: string;
  retentionDays: number;
  maxFetches: number;
  fetchPeriod: FetchPeriod;
}

/** Checks what a resident may consent to; every problem is a BAD_USER_INPUT naming the argument. */
export function checkTerms(terms: TermsInput, today: IsoDate): void {
  if (terms.scopes.length === 0) throw new BadUserInputError('scopes: name at least one scope.');
  for (const scope of terms.scopes) {
    if (!isScope(scope) || scope === 'consent:manage' || staffAgencyOf(scope) !== null)
      throw new BadUserInputError(
        `scopes: "${scope}" is not something a resident can consent to share.`,
      );
  }
  if (!isIsoDate(terms.expiresOn) || terms.expiresOn <= today)
    throw new BadUserInputError('expiresOn: give a date after today.');
  if (terms.expiresOn > addDays(today, MAX_CONSENT_DAYS))
    throw new BadUserInputError(`expiresOn: a consent lasts at most ${MAX_CONSENT_DAYS} days.`);
  if (!Number.isInteger(terms.retentionDays) || terms.retentionDays < 0)
    throw new BadUserInputError('retentionDays: give a whole number of days, 0 or more.');
  if (terms.retentionDays > MAX_RETENTION_DAYS)
    throw new BadUserInputError(`retentionDays: at most ${MAX_RETENTION_DAYS}.`);
  if (!Number.isInteger(terms.maxFetches) || terms.maxFetches < 1 || terms.maxFetches > MAX_FETCHES)
    throw new BadUserInputError(`maxFetches: between 1 and ${MAX_FETCHES}.`);
}

/** The operation must be one GraphQL query: what the application reads, never what it changes. */
export function checkOperation(operation: string): void {
  if (Buffer.byteLength(operation) > MAX_OPERATION_BYTES)
    throw new BadUserInputError(`operation: at most ${MAX_OPERATION_BYTES} bytes.`);
  let document;
  try {
    document = parse(operation, { noLocation: true });
  } catch (error) {
    throw new BadUserInputError(`operation: not valid GraphQL (${(error as Error).message}).`);
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || operations[0]?.operation !== OperationTypeNode.QUERY)
    throw new BadUserInputError('operation: give exactly one query operation.');
}

/** Scopes as stored: each once, sorted, space-separated. */
const scopeList = (scopes: readonly string[]) => [...new Set(scopes)].sort().join(' ');

/** A new grant on `terms`: active, its first release approved, no fetch counted yet. */
function newGrantRow(
  terms: Omit<
    GrantRow,
    | 'id'
    | 'granted_at'
    | 'release_approved'
    | 'status'
    | 'status_changed_at'
    | 'fetch_window'
    | 'window_fetches'
  >,
  now: Date,
): GrantRow {
  return {
    id: `cg_${randomUUID()}`,
    ...terms,
    granted_at: now.toISOString(),
    release_approved: 1,
    status: ConsentStatus.ACTIVE,
    status_changed_at: now.toISOString(),
    fetch_window: null,
    window_fetches: 0,
  };
}

export async function createConsentRequest(
  db: Db,
  request: TermsInput & {
    residentId: string;
    clientId: string;
    operation: string;
    previewEachRelease: boolean;
  },
  now: Date,
): Promise<ConsentRequest> {
  const row: RequestRow = {
    id: `creq_${randomUUID()}`,
    resident_id: request.residentId,
    client_id: request.clientId,
    scopes: scopeList(request.scopes),
    purpose: request.purpose,
    operation: request.operation,
    operation_hash: operationHash(request.operation),
    expires_on: request.expiresOn,
    retention_days: request.retentionDays,
    max_fetches: request.maxFetches,
    fetch_period: request.fetchPeriod,
    preview_each_release: request.previewEachRelease ? 1 : 0,
    status: ConsentRequestStatus.PENDING,
    created_at: now.toISOString(),
    previewed_at: null,
    decided_at: null,
    grant_id: null,
  };
  await db.insertInto('consent_request').values(row).execute();
  return consentRequestOf(row);
}

export async function listConsentRequests(
  db: Db,
  residentId: string,
  status: ConsentRequestStatus | null,
): Promise<ConsentRequest[]> {
  let query = db
    .selectFrom('consent_request')
    .selectAll()
    .where('resident_id', '=', residentId)
    .orderBy('created_at', 'desc');
  if (status) query = query.where('status', '=', status);
  return (await query.execute()).map(consentRequestOf);
}

export async function listConsentGrants(
  db: Db,
  residentId: string,
  today: IsoDate,
): Promise<ConsentGrant[]> {
  const rows = await db
    .selectFrom('consent_grant')
    .selectAll()
    .where('resident_id', '=', residentId)
    .orderBy('granted_at', 'desc')
    .execute();
  return rows.map((row) => consentGrantOf(row, today));
}

/**
 * The resident previewed a pending request (or an active grant's next release) with exactly its
 * operation: one conditional UPDATE, so a request decided meanwhile is never marked.
 */
export async function markPreviewed(
  db: Db,
  target: { id: string; residentId: string; operationHash: string },
  now: Date,
): Promise<{ clientId: string; scopes: string[] } | null> {
  const previewedAt = now.toISOString();
  const row = target.id.startsWith('creq_')
    ? await db
        .updateTable('consent_request')
        .set({ previewed_at: previewedAt })
        .where('status', '=', ConsentRequestStatus.PENDING)
        .where('id', '=', target.id)
        .where('resident_id', '=', target.residentId)
        .where('operation_hash', '=', target.operationHash)
        .returning(['client_id', 'scopes'])
        .executeTakeFirst()
    : await db
        .updateTable('consent_grant')
        .set({ release_previewed_at: previewedAt })
        .where('status', '=', ConsentStatus.ACTIVE)
        .where('id', '=', target.id)
        .where('resident_id', '=', target.residentId)
        .where('operation_hash', '=', target.operationHash)
        .returning(['client_id', 'scopes'])
        .executeTakeFirst();
  return row ? { clientId: row.client_id, scopes: row.scopes.split(' ') } : null;
}

/** Turns a previewed request into a grant, in one transaction. */
export async function approveConsentRequest(
  db: Db,
  id: string,
  residentId: string,
  now: Date,
  today: IsoDate,
): Promise<ConsentGrant> {
  return db.transaction().execute(async (trx) => {
    const request = await trx
      .selectFrom('consent_request')
      .selectAll()
      .where('id', '=', id)
      .where('resident_id', '=', residentId)
      .executeTakeFirst();
    if (!request) throw new BadUserInputError('id: you have no consent request with this id.');
    if (request.status !== ConsentRequestStatus.PENDING)
      throw new BadUserInputError(`id: this request is already ${request.status.toLowerCase()}.`);
    if (!request.previewed_at)
      throw new ConsentPreviewRequiredError(
        'Preview what this application would receive before approving its request.',
      );
    if (request.expires_on <= today)
      throw new BadUserInputError('id: the consent this request asks for would already be over.');
    // Approving after a preview approves the first release (new grants start approved).
    const grant = newGrantRow(
      {
        resident_id: residentId,
        client_id: request.client_id,
        scopes: request.scopes,
        purpose: request.purpose,
        operation_hash: request.operation_hash,
        expires_on: request.expires_on,
        retention_days: request.retention_days,
        max_fetches: request.max_fetches,
        fetch_period: request.fetch_period,
        preview_each_release: request.preview_each_release,
        release_previewed_at: request.previewed_at,
        request_id: request.id,
      },
      now,
    );
    await trx.insertInto('consent_grant').values(grant).execute();
    await trx
      .updateTable('consent_request')
      .set({
        status: ConsentRequestStatus.APPROVED,
        decided_at: now.toISOString(),
        grant_id: grant.id,
      })
      .where('id', '=', id)
      .execute();
    return consentGrantOf(grant, today);
  });
}

export async function declineConsentRequest(
  db: Db,
  id: string,
  residentId: string,
  now: Date,
): Promise<ConsentRequest> {
  const result = await db
    .updateTable('consent_request')
    .set({ status: ConsentRequestStatus.DECLINED, decided_at: now.toISOString() })
    .where('id', '=', id)
    .where('resident_id', '=', residentId)
    .where('status', '=', ConsentRequestStatus.PENDING)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0)
    throw new BadUserInputError('id: you have no pending consent request with this id.');
  const row = await db
    .selectFrom('consent_request')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return consentRequestOf(row);
}

/** A consent the resident gives directly: any operation within the scopes. */
export async function grantConsent(
  db: Db,
  grant: TermsInput & { residentId: string; clientId: string },
  now: Date,
  today: IsoDate,
): Promise<ConsentGrant> {
  const row = newGrantRow(
    {
      resident_id: grant.residentId,
      client_id: grant.clientId,
      scopes: scopeList(grant.scopes),
      purpose: grant.purpose,
      operation_hash: null,
      expires_on: grant.expiresOn,
      retention_days: grant.retentionDays,
      max_fetches: grant.maxFetches,
      fetch_period: grant.fetchPeriod,
      preview_each_release: 0,
      release_previewed_at: null,
      request_id: null,
    },
    now,
  );
  await db.insertInto('consent_grant').values(row).execute();
  return consentGrantOf(row, today);
}

const allowedTransitions: Record<string, readonly ConsentStatus[]> = {
  [ConsentStatus.PAUSED]: [ConsentStatus.ACTIVE],
  [ConsentStatus.ACTIVE]: [ConsentStatus.PAUSED],
  [ConsentStatus.REVOKED]: [ConsentStatus.ACTIVE, ConsentStatus.PAUSED],
};

/** Pause (from active), resume (from paused) or revoke (from either): takes effect on the next request. */
export async function changeGrantStatus(
  db: Db,
  id: string,
  residentId: string,
  to: ConsentStatus.ACTIVE | ConsentStatus.PAUSED | ConsentStatus.REVOKED,
  now: Date,
  today: IsoDate,
): Promise<ConsentGrant> {
  const from = allowedTransitions[to] ?? [];
  const result = await db
    .updateTable('consent_grant')
    .set({ status: to, status_changed_at: now.toISOString() })
    .where('id', '=', id)
    .where('resident_id', '=', residentId)
    .where('status', 'in', from)
    .executeTakeFirst();
  const row = await db
    .selectFrom('consent_grant')
    .selectAll()
    .where('id', '=', id)
    .where('resident_id', '=', residentId)
    .executeTakeFirst();
  if (!row) throw new BadUserInputError('id: you have no consent with this id.');
  if (Number(result.numUpdatedRows) === 0 && row.status !== to)
    throw new BadUserInputError(
      `id: this consent is ${row.status.toLowerCase()}; it cannot become ${to.toLowerCase()}.`,
    );
  return consentGrantOf(row, today);
}

/** For a preview-each-release grant: the resident approves the next release after previewing it. */
export async function approveRelease(
  db: Db,
  id: string,
  residentId: string,
  today: IsoDate,
): Promise<ConsentGrant> {
  const row = await db
    .selectFrom('consent_grant')
    .selectAll()
    .where('id', '=', id)
    .where('resident_id', '=', residentId)
    .executeTakeFirst();
  if (!row) throw new BadUserInputError('id: you have no consent with this id.');
  if (!row.preview_each_release)
    throw new BadUserInputError('id: this consent does not ask you to approve each release.');
  if (!row.release_previewed_at)
    throw new ConsentPreviewRequiredError('Preview the next release before approving it.');
  await db
    .updateTable('consent_grant')
    .set({ release_approved: 1, release_previewed_at: null })
    .where('id', '=', id)
    .execute();
  return consentGrantOf({ ...row, release_approved: 1, release_previewed_at: null }, today);
}

/** Why a release is refused: the reason the client sees (`consent:<why>`) or the fetch limit. */
export type RefusalReason =
  | 'consent:none'
  | 'consent:paused'
  | 'consent:expired'
  | 'consent:revoked'
  | 'consent:operation'
  | 'consent:preview'
  | 'consent:fetch-limit';

export type Admission =
  | {
      allowed: true;
      grantId: string;
      scopes: string[];
      purpose: string;
      retentionDays: number;
    }
  | { allowed: false; reason: RefusalReason; period?: FetchPeriod };

const windowOf = (period: FetchPeriod, today: IsoDate) =>
  period === FetchPeriod.YEAR
    ? today.slice(0, 4)
    : period === FetchPeriod.MONTH
      ? today.slice(0, 7)
      : today;

/**
 * Decides one release to an application and, when it is allowed, counts it against the grant's
 * fetch limit in the same statement (so concurrent requests cannot both take the last fetch), and
 * uses up a preview-each-release approval. Never cached: a revocation counts from the next request.
 */
export async function admitRelease(
  db: Db,
  release: { residentId: string; clientId: string; operationHash: string },
  today: IsoDate,
): Promise<Admission> {
  const grants = await db
    .selectFrom('consent_grant')
    .selectAll()
    .where('resident_id', '=', release.residentId)
    .where('client_id', '=', release.clientId)
    .orderBy('granted_at', 'desc')
    .execute();
  const usable = grants.filter(
    (g) =>
      g.status === ConsentStatus.ACTIVE &&
      g.expires_on >= today &&
      (g.operation_hash === null || g.operation_hash === release.operationHash),
  );
  for (const grant of usable) {
    const window = windowOf(grant.fetch_period, today);
    const counted = await db
      .updateTable('consent_grant')
      .set({
        fetch_window: window,
        window_fetches: sql`case when fetch_window = ${window} then window_fetches + 1 else 1 end`,
        release_approved: sql`case when preview_each_release = 1 then 0 else release_approved end`,
        // The next release needs a fresh preview, not the one this release was approved after.
        release_previewed_at: sql`case when preview_each_release = 1 then null else release_previewed_at end`,
      })
      .where('id', '=', grant.id)
      .where('status', '=', ConsentStatus.ACTIVE)
      .where((eb) =>
        eb.or([
          eb('fetch_window', 'is', null),
          eb('fetch_window', '!=', window),
          eb('window_fetches', '<', eb.ref('max_fetches')),
        ]),
      )
      .where((eb) => eb.or([eb('preview_each_release', '=', 0), eb('release_approved', '=', 1)]))
      .executeTakeFirst();
    if (Number(counted.numUpdatedRows) === 1)
      return {
        allowed: true,
        grantId: grant.id,
        scopes: grant.scopes.split(' '),
        purpose: grant.purpose,
        retentionDays: grant.retention_days,
      };
  }
  return { allowed: false, ...(await whyRefused(db, grants, usable, today)) };
}

async function whyRefused(
  db: Db,
  grants: readonly GrantRow[],
  usable: readonly GrantRow[],
  today: IsoDate,
): Promise<{ reason: RefusalReason; period?: FetchPeriod }> {
  const first = usable[0];
  if (first) {
    const now = await db
      .selectFrom('consent_grant')
      .selectAll()
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    if (now.status === ConsentStatus.REVOKED) return { reason: 'consent:revoked' };
    if (now.status === ConsentStatus.PAUSED) return { reason: 'consent:paused' };
    if (now.preview_each_release && !now.release_approved) return { reason: 'consent:preview' };
    return { reason: 'consent:fetch-limit', period: now.fetch_period };
  }
  if (grants.some((g) => g.status === ConsentStatus.ACTIVE && g.expires_on >= today))
    return { reason: 'consent:operation' };
  if (grants.some((g) => g.status === ConsentStatus.PAUSED)) return { reason: 'consent:paused' };
  if (grants.some((g) => g.status === ConsentStatus.ACTIVE)) return { reason: 'consent:expired' };
  if (grants.some((g) => g.status === ConsentStatus.REVOKED)) return { reason: 'consent:revoked' };
  return { reason: 'consent:none' };
}

export function consentGrantOf(row: GrantRow, today: IsoDate): ConsentGrant {
  const expired = row.status === ConsentStatus.ACTIVE && row.expires_on < today;
  return {
    id: row.id,
    clientId: row.client_id,
    scopes: row.scopes.split(' '),
    purpose: row.purpose as ConsentPurpose,
    status: expired ? ConsentStatus.EXPIRED : row.status,
    grantedAt: row.granted_at,
    expiresOn: row.expires_on,
    retentionDays: row.retention_days,
    maxFetches: row.max_fetches,
    fetchPeriod: row.fetch_period,
    previewEachRelease: row.preview_each_release === 1,
    releaseApproved: row.release_approved === 1,
    boundToOperation: row.operation_hash !== null,
    fetchesThisPeriod:
      row.fetch_window === windowOf(row.fetch_period, today) ? row.window_fetches : 0,
  };
}

function consentRequestOf(row: RequestRow): ConsentRequest {
  return {
    id: row.id,
    clientId: row.client_id,
    scopes: row.scopes.split(' '),
    purpose: row.purpose as ConsentPurpose,
    operation: row.operation,
    expiresOn: row.expires_on,
    retentionDays: row.retention_days,
    maxFetches: row.max_fetches,
    fetchPeriod: row.fetch_period,
    previewEachRelease: row.preview_each_release === 1,
    status: row.status,
    createdAt: row.created_at,
    previewedAt: row.previewed_at,
    grantId: row.grant_id,
  };
}
