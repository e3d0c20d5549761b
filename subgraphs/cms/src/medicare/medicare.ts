import type { IsoDate } from '@resident-graph/calendar';
import { isWithin, type DateWindow } from '../domain/enrollment-periods.js';
import { assessMedicare, type MedicareRecord } from '../domain/medicare-status.js';
import {
  Medicare,
  MedicareEnrollmentPeriod,
  MedicareEnrollmentWindow,
  MedicarePartStatus,
} from './medicare.type.js';

export function toWindow(window: DateWindow, today: IsoDate): MedicareEnrollmentWindow {
  return Object.assign(new MedicareEnrollmentWindow(), {
    ...window,
    isOpen: isWithin(today, window),
  });
}

/** The resident's Medicare view: stored enrollment plus the windows and penalty their birth date implies. */
export function toMedicare(record: MedicareRecord, birthDate: IsoDate, today: IsoDate): Medicare {
  const assessment = assessMedicare(record, birthDate, today);
  return Object.assign(new Medicare(), {
    partA: record.partA as MedicarePartStatus,
    partB: record.partB as MedicarePartStatus,
    coverageStartsOn: record.coverageStartsOn,
    initialEnrollmentPeriod: toWindow(assessment.initialEnrollmentPeriod, today),
    generalEnrollmentPeriod: toWindow(assessment.generalEnrollmentPeriod, today),
    enrollmentPeriod: assessment.enrollmentPeriod as MedicareEnrollmentPeriod | null,
    automaticallyEnrolled: record.enrolledAutomatically,
    partBLatePenaltyPercent: assessment.partBLatePenaltyPercent,
  });
}
