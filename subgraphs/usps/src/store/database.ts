import type { AppliedNotificationDatabase } from '@resident-graph/notifications';
/**
 * The Postal Service's change-of-address store. Requests are keyed by the Postal Service's own
 * customer id (`USPS-C-000000123`); `resident_link` is the only place the platform's resident id
 * appears. Full old and new addresses are kept because forwarding mail needs them; the graph
 * returns only the new address's city and state (see mail-forwarding.type.ts).
 */
export interface UspsDatabase extends AppliedNotificationDatabase {
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
