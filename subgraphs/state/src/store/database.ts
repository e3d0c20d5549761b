import type { ActionRequestDatabase } from '@resident-graph/store';
import type { AppliedNotificationDatabase } from '@resident-graph/notifications';
/**
 * The Department of State's passport store. Records are keyed by the Department's own customer id
 * (`DOS-C-000000123`); `resident_link` is the only place the platform's resident id appears.
 * SQLite has no booleans: flags are 0/1 integers.
 */
export interface StateDatabase extends AppliedNotificationDatabase, ActionRequestDatabase {
  resident_link: {
    resident_id: string;
    state_id: string;
  };
  /** Where passport mail goes, when the holder told us (tell us once); JSON address. */
  passport_mailing_address: {
    state_id: string;
    address: string;
    effective_on: string;
    changed_on: string;
  };
  /** The holder's current passport book. */
  passport: {
    state_id: string;
    issued_on: string;
    expires_on: string;
    /** 10 for an adult passport, 5 for a child passport (issued under 16). */
    validity_years: number;
    /** 1 when the holder has told us their name changed since the passport was issued. */
    name_changed: number;
  };
  renewal_application: {
    state_id: string;
    submitted_on: string;
    status: string;
    changed_on: string;
    expedited: number;
  };
  /** A child's first passport, applied for in person by a parent (the linked resident). */
  child_passport_application: {
    state_id: string;
    child_given_name: string;
    child_birth_date: string;
    status: string;
    /** Null while the DS-11 has been started but not handed in. */
    submitted_on: string | null;
    changed_on: string | null;
    expedited: number;
  };
}
