import type { AppliedNotificationDatabase } from '@resident-graph/notifications';
/**
 * The IRS's store. Records are keyed by the IRS's own taxpayer account id (`IRS-T-000000123`), never
 * by SSN; `resident_link` is the only place the platform's resident id appears. Everything here is
 * return information (26 U.S.C. 6103): it leaves this service only for the taxpayer themself.
 * SQLite has no booleans: flags are 0/1 integers.
 */
export interface IrsDatabase extends AppliedNotificationDatabase {
  resident_link: {
    resident_id: string;
    irs_id: string;
  };
  /** One row per filed return: its e-file outcome and refund. */
  tax_return: {
    irs_id: string;
    tax_year: number;
    filed_on: string;
    /** ACCEPTED or REJECTED; null for a paper return. */
    efile_status: string | null;
    direct_deposit: number;
    refund_status: string;
    /** Whole dollars. */
    refund_amount: number;
    changed_on: string;
  };
  /** Form 8822 submissions. */
  address_change: {
    irs_id: string;
    submitted_on: string;
    processed_on: string | null;
    /** JSON of the new address when it came from a declaration (tell us once); else null. */
    new_address: string | null;
  };
  /** Qualifying children for the child tax credit, per tax year. */
  child_tax_credit: {
    irs_id: string;
    tax_year: number;
    qualifying_children: number;
  };
}
