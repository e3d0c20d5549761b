/**
 * The Postal Service's change-of-address store. Requests are keyed by the Postal Service's own
 * customer id (`USPS-C-000000123`); `resident_link` is the only place the platform's resident id
 * appears. Full old and new addresses are kept because forwarding mail needs them; the graph
 * returns only the new address's city and state (see mail-forwarding.type.ts).
 */
export interface UspsDatabase {
  resident_link: {
    resident_id: string;
    usps_id: string;
  };
  change_of_address: {
    usps_id: string;
    submitted_on: string;
    effective_on: string;
    /** SUBMITTED, VALIDATION_LETTER_SENT, ACTIVE or EXPIRED, as last recorded. */
    status: string;
    changed_on: string;
    old_line1: string;
    old_city: string;
    old_state: string;
    old_zip: string;
    new_line1: string;
    new_city: string;
    new_state: string;
    new_zip: string;
  };
}

/**
 * Most keys one `IN (…)` list may carry: SQLite binds at most 32766 variables per statement. Loaders
 * cap their batches with it, so even an absurdly large `_entities` request cannot fail in SQL.
 */
export const MAX_KEYS_PER_QUERY = 10_000;
