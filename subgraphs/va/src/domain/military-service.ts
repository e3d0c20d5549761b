import type { IsoDate } from '@resident-graph/calendar';
import type { VaClaimPhase } from '@resident-graph/personas';

export type { VaClaimPhase };

/** Military service as VA knows it: the day active duty ends and whether it included combat. */
export interface MilitaryService {
  separationOn: IsoDate;
  combatVeteran: boolean;
}

/** A disability compensation claim as VA tracks it. */
export interface DisabilityClaimFacts {
  phase: VaClaimPhase;
  filedOn: IsoDate;
  changedOn: IsoDate;
}

/** Everything VA holds for one resident; null service means VA has no record of service. */
export interface VaRecord {
  service: MilitaryService | null;
  claim: DisabilityClaimFacts | null;
  healthCareEnrolledOn: IsoDate | null;
}

export const NO_SERVICE_RECORD_STEPS = [
  'If you served, VA needs your discharge papers (DD214) to see your benefits: upload them at va.gov or call 800-827-1000.',
];
