import {
  addDays,
  addMonths,
  addYears,
  firstDayOf,
  parseIsoDate,
  type IsoDate,
} from '@resident-graph/calendar';
import type { Address, ResidentFacts } from './resident-facts.js';

/** The named personas every environment has; tests and the README use them. */
export const personaHandles = ['ava', 'walter', 'rosa', 'nora', 'marcus', 'grace', 'dana'] as const;
export type PersonaHandle = (typeof personaHandles)[number];

export const personaResidentId = (handle: PersonaHandle) => `rsd_${handle}`;

const none = {
  ssa: {
    benefitsStartedOn: null,
    retirementApplication: null,
    newbornCard: null,
    addressChange: null,
  },
  cms: { partA: 'NOT_ENROLLED', partB: 'NOT_ENROLLED', changedOn: null, coverageStartsOn: null },
  state: { passport: null, renewalApplication: null, childApplication: null },
  irs: { refund: null, addressChange: null, childTaxCredit: null },
  usps: { changeOfAddress: null },
  va: { service: null, disabilityClaim: null, healthCareEnrolledOn: null },
} as const satisfies Partial<Record<keyof ResidentFacts, object>>;

/** A date in the month `months` from `asOf`, on `day`: personas keep their day-of-month fixed. */
function inMonth(asOf: IsoDate, months: number, day: number): IsoDate {
  const { year, month } = parseIsoDate(addMonths(firstDayOf(parseIsoDate(asOf)), months));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const address = (line1: string, city: string, state: string, zip: string): Address => ({
  line1,
  city,
  state,
  zip,
});

/** The personas as of `asOf` (the seed date). */
export function personas(asOf: IsoDate): ResidentFacts[] {
  const lastTaxYear = parseIsoDate(asOf).year - 1;
  const avaBirth = addYears(inMonth(asOf, 2, 15), -65);
  const walterBirth = addYears(inMonth(asOf, 1, 20), -65);
  const rosaBirth = addYears(inMonth(asOf, -1, 10), -65);
  const noraBaby = addDays(asOf, -12);
  const danaSeparation = addDays(asOf, 110);
  const oldOhio = address('410 Maple Hollow Rd', 'Columbus', 'OH', '43004');
  const newArizona = address('77 Saguaro Bend Apt 4', 'Tempe', 'AZ', '85281');

  return [
    {
      id: personaResidentId('ava'),
      handle: 'ava',
      scenario:
        'Turning 65 in two months; passport expires in three months (can renew online); not yet on Medicare or Social Security.',
      identity: {
        givenName: 'Ava',
        familyName: 'Quillfeather',
        birthDate: avaBirth,
        mailingAddress: address('12 Larkspur Ln', 'Dayton', 'OH', '45402'),
        assurance: 'VERIFIED',
      },
      ssa: { ...none.ssa, ssn: '900-12-4821', primaryInsuranceAmount: 2100 },
      cms: none.cms,
      state: {
        ...none.state,
        passport: {
          issuedOn: addYears(addMonths(asOf, 3), -10),
          expiresOn: addMonths(asOf, 3),
          validityYears: 10,
          nameChanged: false,
        },
      },
      irs: {
        ...none.irs,
        refund: {
          taxYear: lastTaxYear,
          status: 'REFUND_SENT',
          amount: 612,
          efile: 'ACCEPTED',
          directDeposit: true,
          filedOn: addMonths(asOf, -7),
          changedOn: addDays(addMonths(asOf, -7), 16),
        },
      },
      usps: none.usps,
      va: none.va,
    },
    {
      id: personaResidentId('walter'),
      handle: 'walter',
      scenario:
        'Turning 65 next month and receiving Social Security since 62, so enrolled in Medicare Parts A and B automatically.',
      identity: {
        givenName: 'Walter',
        familyName: 'Brindlecombe',
        birthDate: walterBirth,
        mailingAddress: address('9 Heron Crossing', 'Macon', 'GA', '31201'),
        assurance: 'VERIFIED',
      },
      ssa: {
        ...none.ssa,
        ssn: '900-33-1907',
        primaryInsuranceAmount: 1850,
        benefitsStartedOn: firstDayOf(parseIsoDate(addYears(walterBirth, 62))),
        retirementApplication: {
          status: 'DECIDED',
          filedOn: addMonths(addYears(walterBirth, 62), -3),
          changedOn: addMonths(addYears(walterBirth, 62), -1),
        },
      },
      cms: {
        partA: 'ENROLLED',
        partB: 'ENROLLED',
        changedOn: addMonths(asOf, -2),
        coverageStartsOn: firstDayOf(parseIsoDate(addYears(walterBirth, 65))),
      },
      state: none.state,
      irs: none.irs,
      usps: none.usps,
      va: none.va,
    },
    {
      id: personaResidentId('rosa'),
      handle: 'rosa',
      scenario:
        'Turned 65 last month: retirement application needs documents; Medicare Part A enrolled, Part B pending.',
      identity: {
        givenName: 'Rosa',
        familyName: 'Etherington',
        birthDate: rosaBirth,
        mailingAddress: address('300 Bayleaf Ct', 'Santa Fe', 'NM', '87501'),
        assurance: 'VERIFIED_FACIAL_MATCH',
      },
      ssa: {
        ...none.ssa,
        ssn: '900-51-3366',
        primaryInsuranceAmount: 2480,
        retirementApplication: {
          status: 'DOCUMENTS_REQUESTED',
          filedOn: addDays(asOf, -40),
          changedOn: addDays(asOf, -9),
        },
      },
      cms: {
        partA: 'ENROLLED',
        partB: 'PENDING',
        changedOn: addDays(asOf, -20),
        coverageStartsOn: firstDayOf(parseIsoDate(addYears(rosaBirth, 65))),
      },
      state: {
        ...none.state,
        passport: {
          issuedOn: addYears(asOf, -4),
          expiresOn: addYears(asOf, 6),
          validityYears: 10,
          nameChanged: false,
        },
      },
      irs: none.irs,
      usps: none.usps,
      va: none.va,
    },
    {
      id: personaResidentId('nora'),
      handle: 'nora',
      scenario:
        'New parent: baby born 12 days ago; newborn SSN card processing; child tax credit; child’s first passport not started.',
      identity: {
        givenName: 'Nora',
        familyName: 'Vantwest',
        birthDate: addYears(inMonth(asOf, -4, 3), -32),
        mailingAddress: address('58 Cobble Creek Dr', 'Boise', 'ID', '83702'),
        assurance: 'VERIFIED',
      },
      ssa: {
        ...none.ssa,
        ssn: '900-74-2290',
        primaryInsuranceAmount: 1620,
        newbornCard: {
          childGivenName: 'Juniper',
          birthDate: noraBaby,
          status: 'PROCESSING',
          changedOn: addDays(asOf, -5),
        },
      },
      cms: none.cms,
      state: {
        ...none.state,
        passport: {
          issuedOn: addYears(asOf, -2),
          expiresOn: addYears(asOf, 8),
          validityYears: 10,
          nameChanged: false,
        },
        childApplication: {
          childGivenName: 'Juniper',
          childBirthDate: noraBaby,
          status: 'NOT_AVAILABLE',
          submittedOn: null,
          changedOn: null,
        },
      },
      irs: {
        ...none.irs,
        childTaxCredit: {
          taxYear: parseIsoDate(asOf).year,
          qualifyingChildren: 1,
          childBirthDates: [noraBaby],
        },
      },
      usps: none.usps,
      va: none.va,
    },
    {
      id: personaResidentId('marcus'),
      handle: 'marcus',
      scenario:
        'Moving from Ohio to Arizona: mail forwarding validation letter sent, IRS refund approved, Form 8822 not yet processed, SSA address updated.',
      identity: {
        givenName: 'Marcus',
        familyName: 'Okonkwo-Reyes',
        birthDate: addYears(inMonth(asOf, 5, 22), -41),
        mailingAddress: newArizona,
        assurance: 'VERIFIED',
      },
      ssa: {
        ...none.ssa,
        ssn: '900-28-5013',
        primaryInsuranceAmount: 1990,
        addressChange: { submittedOn: addDays(asOf, -6), completedOn: addDays(asOf, -5) },
      },
      cms: none.cms,
      state: none.state,
      irs: {
        ...none.irs,
        refund: {
          taxYear: lastTaxYear,
          status: 'REFUND_APPROVED',
          amount: 1842,
          efile: 'ACCEPTED',
          directDeposit: true,
          filedOn: addDays(asOf, -15),
          changedOn: addDays(asOf, -2),
        },
        addressChange: { submittedOn: addDays(asOf, -6), processedOn: null },
      },
      usps: {
        changeOfAddress: {
          status: 'VALIDATION_LETTER_SENT',
          submittedOn: addDays(asOf, -6),
          effectiveOn: addDays(asOf, 9),
          changedOn: addDays(asOf, -4),
          oldAddress: oldOhio,
          newAddress: newArizona,
        },
      },
      va: none.va,
    },
    {
      id: personaResidentId('grace'),
      handle: 'grace',
      scenario: 'Nothing pending: valid passport, last refund paid, no moves.',
      identity: {
        givenName: 'Grace',
        familyName: 'Pemberton-Lowe',
        birthDate: addYears(inMonth(asOf, 7, 1), -41),
        mailingAddress: address('1200 Linden Ave', 'Madison', 'WI', '53703'),
        assurance: 'AUTH_ONLY',
      },
      ssa: { ...none.ssa, ssn: '900-65-7742', primaryInsuranceAmount: 2250 },
      cms: none.cms,
      state: {
        ...none.state,
        passport: {
          issuedOn: addYears(asOf, -3),
          expiresOn: addYears(asOf, 7),
          validityYears: 10,
          nameChanged: false,
        },
      },
      irs: {
        ...none.irs,
        refund: {
          taxYear: lastTaxYear,
          status: 'REFUND_SENT',
          amount: 377,
          efile: 'ACCEPTED',
          directDeposit: true,
          filedOn: addMonths(asOf, -8),
          changedOn: addDays(addMonths(asOf, -8), 12),
        },
      },
      usps: none.usps,
      va: none.va,
    },
    {
      id: personaResidentId('dana'),
      handle: 'dana',
      scenario:
        'Leaving the military in 110 days, a combat veteran: disability claim filed at discharge (BDD), gathering evidence; not yet enrolled in VA health care.',
      identity: {
        givenName: 'Dana',
        familyName: 'Whitcombe-Ardell',
        birthDate: addYears(inMonth(asOf, 3, 9), -38),
        mailingAddress: address('31 Fort Loop Rd', 'Killeen', 'TX', '76541'),
        assurance: 'VERIFIED',
      },
      ssa: { ...none.ssa, ssn: '900-47-3318', primaryInsuranceAmount: 1710 },
      cms: none.cms,
      state: none.state,
      irs: none.irs,
      usps: none.usps,
      va: {
        service: { separationOn: danaSeparation, combatVeteran: true },
        // Filed through Benefits Delivery at Discharge: 180 to 90 days before separation.
        disabilityClaim: {
          phase: 'EVIDENCE_GATHERING',
          filedOn: addDays(danaSeparation, -135),
          changedOn: addDays(asOf, -4),
        },
        healthCareEnrolledOn: null,
      },
    },
  ];
}

export function findPersona(asOf: IsoDate, handleOrId: string): ResidentFacts | undefined {
  return personas(asOf).find((p) => p.handle === handleOrId || p.id === handleOrId);
}
