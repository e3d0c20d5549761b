/**
 * VA's store, keyed by VA's own id (`VA-V-000000123`); `resident_link` is the only place the
 * platform's resident id appears, and only residents with military service on record have one.
 */
export interface VaDatabase {
  resident_link: {
    resident_id: string;
    va_id: string;
  };
  military_service: {
    va_id: string;
    separation_on: string;
    /** 1 when the service included combat (enhanced health care eligibility), else 0. */
    combat_veteran: number;
  };
  disability_claim: {
    va_id: string;
    phase: string;
    filed_on: string;
    changed_on: string;
  };
  health_care_enrollment: {
    va_id: string;
    enrolled_on: string;
  };
}
