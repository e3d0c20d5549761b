import type { AppliedNotificationDatabase } from '@resident-graph/notifications';
import type { Generated } from '@resident-graph/store';
import type { ConsentRequestStatus, ConsentStatus, FetchPeriod } from '../consent/consent.type.js';

/**
 * The identity platform's store: residents by platform id (the sign-in subject), their consents to
 * applications, and the record of every disclosure of their data. `applied_notification` marks the
 * declarations whose disclosures it has recorded (tell us once, ADR 0017), so each is recorded once.
 */
export interface IdentityDatabase extends AppliedNotificationDatabase {
  resident: {
    id: string;
    given_name: string;
    family_name: string;
    birth_date: string;
    address_line1: string;
    address_city: string;
    address_state: string;
    address_zip: string;
    assurance: string;
    updated_at: Generated<string>;
  };
  // Consent, asking for it, and the accounting of disclosures (docs/privacy.md).
  /** An application asking a resident for consent; the resident previews, then approves or declines. */
  consent_request: {
    id: string;
    resident_id: string;
    client_id: string;
    /** Space-separated scopes. */
    scopes: string;
    purpose: string;
    /** The GraphQL operation the application will run, and its SHA-256 (hex). */
    operation: string;
    operation_hash: string;
    expires_on: string;
    retention_days: number;
    max_fetches: number;
    fetch_period: FetchPeriod;
    preview_each_release: number;
    status: ConsentRequestStatus;
    created_at: string;
    previewed_at: string | null;
    decided_at: string | null;
    grant_id: string | null;
  };
  consent_grant: {
    id: string;
    resident_id: string;
    client_id: string;
    scopes: string;
    purpose: string;
    /** When set, the application may run only this operation under the grant. */
    operation_hash: string | null;
    granted_at: string;
    expires_on: string;
    retention_days: number;
    max_fetches: number;
    fetch_period: FetchPeriod;
    preview_each_release: number;
    /** For preview-each-release grants: the resident approved the next release. */
    release_approved: number;
    release_previewed_at: string | null;
    /** ACTIVE, PAUSED or REVOKED; EXPIRED is computed from expires_on. */
    status: ConsentStatus;
    status_changed_at: string;
    /** The fetch-frequency window in use (a day, month or year) and the fetches counted in it. */
    fetch_window: string | null;
    window_fetches: number;
    request_id: string | null;
  };
  /** Append-only, hash-chained and signed: see disclosure/disclosure-log.ts. */
  disclosure: {
    seq: number;
    id: string;
    disclosed_at: string;
    resident_id: string;
    agency: string;
    /** JSON array of `Type.field`. */
    fields: string;
    recipient_kind: string;
    recipient: string;
    purpose: string;
    consent_id: string | null;
    case_reference: string | null;
    request_id: string;
    retain_until: string;
    prev_hash: string;
    hash: string;
    key_id: string;
    signature: string;
  };
  /** One row: the last record of the chain, so appends serialise on it. */
  disclosure_chain_head: { id: number; seq: number; hash: string };
  correction: {
    id: string;
    resident_id: string;
    agency: string;
    fields: string;
    summary: string;
    corrected_at: string;
    corrected_by: string;
  };
  /** Privacy Act (c)(4): each past recipient of a corrected record is told. */
  correction_notice: {
    id: string;
    correction_id: string;
    recipient: string;
    resident_id: string;
    agency: string;
    fields: string;
    summary: string;
    created_at: string;
    read_at: string | null;
  };
}
