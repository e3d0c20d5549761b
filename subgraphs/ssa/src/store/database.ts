import type { ActionRequestDatabase } from '@resident-graph/store';
import type { AppliedNotificationDatabase } from '@resident-graph/notifications';
import type { SsaApplicationStatus, SsaCardStatus } from '@resident-graph/personas';

/**
 * SSA's store. Every table is keyed by SSA's own id (`SSA-B-000000123`); `resident_link` is the only
 * place the platform resident id appears. The SSN is a plain attribute: never a key, never indexed.
 */
export interface SsaDatabase extends AppliedNotificationDatabase, ActionRequestDatabase {
  resident_link: {
    resident_id: string;
    ssa_id: string;
  };
  /** One row per Social Security number holder. */
  number_holder: {
    ssa_id: string;
    ssn: string;
    /** Monthly benefit at full retirement age, whole dollars. */
    primary_insurance_amount: number;
    /** First month of benefits, when the resident already receives them. */
    benefits_started_on: string | null;
  };
  retirement_application: {
    ssa_id: string;
    status: SsaApplicationStatus;
    filed_on: string;
    changed_on: string;
    /** `YYYY-MM`, the month benefits are to start, when the resident applied through the graph. */
    starts_in?: string | null;
  };
  /** A newborn child's SSN requested on the hospital birth form (enumeration at birth). */
  newborn_card_request: {
    ssa_id: string;
    child_given_name: string;
    child_birth_date: string;
    requested_on: string;
    status: SsaCardStatus;
    changed_on: string;
  };
  address_change: {
    ssa_id: string;
    submitted_on: string;
    completed_on: string | null;
    /** JSON of the new address when it came from a declaration (tell us once); else null. */
    new_address: string | null;
  };
}
