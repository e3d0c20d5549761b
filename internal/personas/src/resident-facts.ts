import type { IsoDate } from '@resident-graph/calendar';

/**
 * Everything the seed knows about one synthetic resident, split by the agency that owns each part.
 * Each agency's seeder reads only its own part; identity reads the platform part. All dates are
 * computed from the seed's `asOf` date, so a persona "turning 65 in two months" stays so.
 */
export interface ResidentFacts {
  /** Platform resident id (the `sub` of the resident's sign-in). */
  id: string;
  /** Short name for `npm run token -- <handle>`; only personas have one. */
  handle: string | null;
  /** One line on what the persona exercises; only personas have one. */
  scenario: string | null;
  identity: IdentityFacts;
  ssa: SsaFacts;
  cms: CmsFacts;
  state: StateFacts;
  irs: IrsFacts;
  usps: UspsFacts;
  va: VaFacts;
}

export interface Address {
  line1: string;
  city: string;
  state: string;
  zip: string;
}

export interface IdentityFacts {
  givenName: string;
  familyName: string;
  birthDate: IsoDate;
  mailingAddress: Address;
  assurance: 'AUTH_ONLY' | 'VERIFIED' | 'VERIFIED_FACIAL_MATCH';
}

export type SsaApplicationStatus = 'RECEIVED' | 'DOCUMENTS_REQUESTED' | 'IN_REVIEW' | 'DECIDED';
export type SsaCardStatus = 'REQUESTED' | 'PROCESSING' | 'MAILED';

export interface SsaFacts {
  /** Synthetic SSN, always in the never-issued 9xx area. Stored by SSA only; never a key. */
  ssn: string;
  /** Monthly benefit at full retirement age (primary insurance amount), whole dollars. */
  primaryInsuranceAmount: number;
  /** First month of Social Security benefits, if the resident already receives them. */
  benefitsStartedOn: IsoDate | null;
  retirementApplication: {
    status: SsaApplicationStatus;
    filedOn: IsoDate;
    changedOn: IsoDate;
  } | null;
  /** SSN card for a newborn, requested through the hospital birth form (enumeration at birth). */
  newbornCard: {
    childGivenName: string;
    birthDate: IsoDate;
    status: SsaCardStatus;
    changedOn: IsoDate;
  } | null;
  addressChange: { submittedOn: IsoDate; completedOn: IsoDate | null } | null;
}

export type MedicarePartStatus = 'NOT_ENROLLED' | 'PENDING' | 'ENROLLED';

export interface CmsFacts {
  partA: MedicarePartStatus;
  partB: MedicarePartStatus;
  /** When the current Part A/B status was last changed. */
  changedOn: IsoDate | null;
  /** Coverage start for enrolled parts. */
  coverageStartsOn: IsoDate | null;
}

export type PassportApplicationStatus =
  'NOT_AVAILABLE' | 'IN_PROCESS' | 'ADDITIONAL_INFO_NEEDED' | 'APPROVED' | 'MAILED';

export interface StateFacts {
  passport: {
    issuedOn: IsoDate;
    expiresOn: IsoDate;
    validityYears: 5 | 10;
    nameChanged: boolean;
  } | null;
  renewalApplication: {
    status: PassportApplicationStatus;
    submittedOn: IsoDate;
    changedOn: IsoDate;
    expedited: boolean;
  } | null;
  /** A child's first passport (always in person). */
  childApplication: {
    childGivenName: string;
    childBirthDate: IsoDate;
    status: PassportApplicationStatus;
    submittedOn: IsoDate | null;
    changedOn: IsoDate | null;
  } | null;
}

export type RefundStatus = 'RETURN_RECEIVED' | 'REFUND_APPROVED' | 'REFUND_SENT';

export interface IrsFacts {
  refund: {
    taxYear: number;
    status: RefundStatus;
    amount: number;
    efile: 'ACCEPTED' | 'REJECTED';
    directDeposit: boolean;
    filedOn: IsoDate;
    changedOn: IsoDate;
  } | null;
  /** Form 8822 change of address. */
  addressChange: { submittedOn: IsoDate; processedOn: IsoDate | null } | null;
  /** Qualifying children for the child tax credit in the current tax year. */
  childTaxCredit: {
    taxYear: number;
    qualifyingChildren: number;
    childBirthDates: IsoDate[];
  } | null;
}

export type ChangeOfAddressStatus = 'SUBMITTED' | 'VALIDATION_LETTER_SENT' | 'ACTIVE' | 'EXPIRED';

export interface UspsFacts {
  changeOfAddress: {
    status: ChangeOfAddressStatus;
    submittedOn: IsoDate;
    effectiveOn: IsoDate;
    changedOn: IsoDate;
    oldAddress: Address;
    newAddress: Address;
  } | null;
}

/** The eight phases of a VA disability compensation claim, in order. */
export type VaClaimPhase =
  | 'RECEIVED'
  | 'INITIAL_REVIEW'
  | 'EVIDENCE_GATHERING'
  | 'REVIEW_OF_EVIDENCE'
  | 'PREPARATION_FOR_DECISION'
  | 'PENDING_DECISION_APPROVAL'
  | 'PREPARATION_FOR_NOTIFICATION'
  | 'COMPLETE';

export interface VaFacts {
  /** Military service on record; null for the many residents who never served. */
  service: {
    /** The day active duty ends (or ended): the discharge date. */
    separationOn: IsoDate;
    /** Served in a combat zone: enhanced VA health care eligibility for 10 years after discharge. */
    combatVeteran: boolean;
  } | null;
  /** A disability compensation claim, if one was filed. */
  disabilityClaim: { phase: VaClaimPhase; filedOn: IsoDate; changedOn: IsoDate } | null;
  /** The day the resident was enrolled in VA health care, if they are. */
  healthCareEnrolledOn: IsoDate | null;
}
