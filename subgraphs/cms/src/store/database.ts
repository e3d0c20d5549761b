import type { MedicarePartStatus } from '@resident-graph/personas';
import type { ActionRequestDatabase } from '@resident-graph/store';

/**
 * CMS's store. Tables are keyed by CMS's own id (`CMS-B-000000123`); `resident_link` is the only place
 * the platform resident id appears. CMS keeps no birth date: identity owns it, and the gateway sends
 * it to the fields that `@requires` it.
 */
export interface CmsDatabase extends ActionRequestDatabase {
  resident_link: {
    resident_id: string;
    cms_id: string;
  };
  /** Someone Medicare has something on: enrolled, pending, or due to be enrolled automatically. */
  medicare_beneficiary: {
    cms_id: string;
    part_a: MedicarePartStatus;
    part_b: MedicarePartStatus;
    changed_on: string | null;
    coverage_starts_on: string | null;
    /** 1 when SSA reported benefits starting 4+ months before 65 (enrolled in A and B automatically). */
    enrolled_automatically: number;
  };
}
