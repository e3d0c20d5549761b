// Its own entry (@resident-graph/personas/generate): faker is about 16 MB of heap, which services
// that only name the personas (the gateway's IDE sign-in) should not carry.
import { Faker, base, en, en_US } from '@faker-js/faker';
import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  firstDayOf,
  parseIsoDate,
  type IsoDate,
} from '@resident-graph/calendar';
import { personas } from './personas.js';
import type { Address, ResidentFacts, VaFacts } from './resident-facts.js';
import { vaClaimPhases } from './va-claim-phases.js';

export const generatedResidentId = (index: number) => `rsd_${String(index).padStart(9, '0')}`;

/** Synthetic resident number `index` (1-based) as of `asOf`, drawn from `faker`'s current state. */
function drawResident(faker: Faker, vaFaker: Faker, index: number, asOf: IsoDate): ResidentFacts {
  const chance = (p: number) => faker.number.float({ min: 0, max: 1 }) < p;
  const daysAgo = (max: number) => addDays(asOf, -faker.number.int({ min: 1, max }));
  // A later step of the same case: never before `from`, never after today.
  const later = (from: IsoDate, maxDays: number) => {
    const date = addDays(from, faker.number.int({ min: 0, max: maxDays }));
    return date > asOf ? asOf : date;
  };
  const ageYears = faker.number.int({ min: 18, max: 90 });
  const birthDate = addDays(addYears(asOf, -ageYears), -faker.number.int({ min: 0, max: 364 }));
  const age = parseIsoDate(asOf).year - parseIsoDate(birthDate).year;
  const mailingAddress = randomAddress(faker);
  const receivesBenefits = age >= 63 && chance(0.6);
  const benefitsStartedOn = receivesBenefits
    ? firstDayOf(
        parseIsoDate(
          addYears(birthDate, 62 + faker.number.int({ min: 0, max: Math.min(8, age - 63) })),
        ),
      )
    : null;
  // Receiving Social Security 4+ months before 65 enrols a resident in Medicare A and B automatically.
  const enrolledAutomatically =
    age >= 65 &&
    benefitsStartedOn !== null &&
    benefitsStartedOn <= addMonths(addYears(birthDate, 65), -4);
  const medicare = enrolledAutomatically
    ? 'ENROLLED'
    : age >= 65
      ? chance(0.9)
        ? 'ENROLLED'
        : 'NOT_ENROLLED'
      : age === 64 && chance(0.3)
        ? 'PENDING'
        : 'NOT_ENROLLED';
  const hasPassport = chance(0.5);
  const passportExpires = addDays(asOf, faker.number.int({ min: -2000, max: 3600 }));
  const moving = chance(0.08);
  const newParent = age >= 20 && age <= 45 && chance(0.05);
  const babyBirth = daysAgo(60);
  const lastTaxYear = parseIsoDate(asOf).year - 1;
  const refundStatus = faker.helpers.arrayElement([
    'RETURN_RECEIVED',
    'REFUND_APPROVED',
    'REFUND_SENT',
    'REFUND_SENT',
  ] as const);
  const movedFrom = randomAddress(faker);
  // Each case's dates in order: it started some days ago and changed after that.
  const application = { filedOn: daysAgo(90) };
  const ssaMove = { submittedOn: daysAgo(20) };
  const renewal = { submittedOn: daysAgo(40) };
  const childPassport = { submittedOn: daysAgo(10) };
  const refundFiled = daysAgo(200);
  const irsMove = { submittedOn: daysAgo(40) };
  const uspsMove = { submittedOn: daysAgo(30) };
  // Forwarding is booked ahead of the move; it is only ACTIVE once the move date has come.
  const changeOfAddress = () => {
    const effectiveOn = addDays(uspsMove.submittedOn, faker.number.int({ min: 0, max: 45 }));
    const moved = effectiveOn <= asOf;
    return {
      status: faker.helpers.arrayElement(
        moved
          ? (['VALIDATION_LETTER_SENT', 'ACTIVE'] as const)
          : (['SUBMITTED', 'VALIDATION_LETTER_SENT'] as const),
      ),
      submittedOn: uspsMove.submittedOn,
      effectiveOn,
      changedOn: moved ? later(effectiveOn, 10) : later(uspsMove.submittedOn, 10),
      oldAddress: movedFrom,
      newAddress: mailingAddress,
    };
  };

  return {
    id: generatedResidentId(index),
    handle: null,
    scenario: null,
    identity: {
      givenName: faker.person.firstName(),
      familyName: faker.person.lastName(),
      birthDate,
      mailingAddress,
      assurance: faker.helpers.arrayElement([
        'AUTH_ONLY',
        'VERIFIED',
        'VERIFIED',
        'VERIFIED_FACIAL_MATCH',
      ] as const),
    },
    ssa: {
      // The 9xx area is never issued, so a generated SSN can never be a real person's.
      ssn: `9${faker.string.numeric(2)}-${faker.string.numeric(2)}-${faker.string.numeric(4)}`,
      primaryInsuranceAmount: faker.number.int({ min: 900, max: 3800 }),
      benefitsStartedOn,
      retirementApplication: benefitsStartedOn
        ? {
            status: 'DECIDED',
            filedOn: addMonths(benefitsStartedOn, -3),
            changedOn: addMonths(benefitsStartedOn, -1),
          }
        : age >= 61 && chance(0.2)
          ? {
              status: faker.helpers.arrayElement([
                'RECEIVED',
                'DOCUMENTS_REQUESTED',
                'IN_REVIEW',
              ] as const),
              filedOn: application.filedOn,
              changedOn: later(application.filedOn, 60),
            }
          : null,
      newbornCard: newParent
        ? {
            childGivenName: faker.person.firstName(),
            birthDate: babyBirth,
            status: faker.helpers.arrayElement(['REQUESTED', 'PROCESSING', 'MAILED'] as const),
            changedOn: addDays(babyBirth, 3),
          }
        : null,
      addressChange:
        moving && receivesBenefits
          ? {
              submittedOn: ssaMove.submittedOn,
              completedOn: chance(0.5) ? later(ssaMove.submittedOn, 10) : null,
            }
          : null,
    },
    cms: {
      partA: medicare,
      partB: medicare,
      changedOn: medicare === 'NOT_ENROLLED' ? null : daysAgo(365),
      coverageStartsOn:
        medicare === 'NOT_ENROLLED' ? null : firstDayOf(parseIsoDate(addYears(birthDate, 65))),
      // (Coverage for someone born on the 1st starts a month earlier; CMS's own rules apply it.)
    },
    state: {
      passport: hasPassport
        ? {
            issuedOn: addYears(passportExpires, -10),
            expiresOn: passportExpires,
            validityYears: 10,
            nameChanged: chance(0.05),
          }
        : null,
      renewalApplication:
        hasPassport && chance(0.05)
          ? {
              status: faker.helpers.arrayElement([
                'IN_PROCESS',
                'ADDITIONAL_INFO_NEEDED',
                'APPROVED',
                'MAILED',
              ] as const),
              submittedOn: renewal.submittedOn,
              changedOn: later(renewal.submittedOn, 30),
              expedited: chance(0.2),
            }
          : null,
      childApplication:
        newParent && chance(0.5)
          ? {
              childGivenName: faker.person.firstName(),
              childBirthDate: babyBirth,
              status: 'IN_PROCESS',
              submittedOn: childPassport.submittedOn,
              changedOn: later(childPassport.submittedOn, 5),
            }
          : null,
    },
    irs: {
      refund: chance(0.7)
        ? {
            taxYear: lastTaxYear,
            status: refundStatus,
            amount: faker.number.int({ min: 50, max: 6000 }),
            efile: chance(0.97) ? 'ACCEPTED' : 'REJECTED',
            directDeposit: chance(0.8),
            filedOn: refundFiled,
            changedOn: later(refundFiled, 30),
          }
        : null,
      addressChange:
        moving && chance(0.6)
          ? {
              submittedOn: irsMove.submittedOn,
              processedOn: chance(0.5) ? later(irsMove.submittedOn, 42) : null,
            }
          : null,
      childTaxCredit: newParent
        ? {
            taxYear: parseIsoDate(asOf).year,
            qualifyingChildren: faker.number.int({ min: 1, max: 3 }),
            childBirthDates: [babyBirth],
          }
        : null,
    },
    usps: {
      changeOfAddress: moving ? changeOfAddress() : null,
    },
    va: drawVaFacts(vaFaker, age, asOf),
  };
}

/**
 * VA's part, from its own stream (`vaFaker`) so that adding VA left every other agency's
 * generated facts exactly as they were. Most residents never served; of those who did, the
 * separation is between 12 years ago and 170 days ahead (inside the Benefits Delivery at
 * Discharge lead time), some filed a claim, some enrolled in VA health care after separating.
 */
function drawVaFacts(faker: Faker, age: number, asOf: IsoDate): VaFacts {
  const chance = (p: number) => faker.number.float({ min: 0, max: 1 }) < p;
  if (age < 20 || age > 64 || !chance(0.06)) {
    return { service: null, disabilityClaim: null, healthCareEnrolledOn: null };
  }
  const separationOn = addDays(asOf, faker.number.int({ min: -12 * 365, max: 170 }));
  const combatVeteran = chance(0.4);
  // A claim is filed from 180 days before separation (BDD) onwards; never after today.
  const filedOn = addDays(separationOn, faker.number.int({ min: -180, max: 300 }));
  const disabilityClaim =
    filedOn <= asOf && chance(0.5)
      ? {
          phase: faker.helpers.arrayElement(vaClaimPhases),
          filedOn,
          changedOn: addDays(filedOn, Math.min(60, daysBetween(filedOn, asOf))),
        }
      : null;
  const healthCareEnrolledOn =
    separationOn < asOf && chance(0.5)
      ? addDays(separationOn, faker.number.int({ min: 0, max: 30 }))
      : null;
  return {
    service: { separationOn, combatVeteran },
    disabilityClaim,
    healthCareEnrolledOn:
      healthCareEnrolledOn && healthCareEnrolledOn <= asOf ? healthCareEnrolledOn : null,
  };
}

function randomAddress(faker: Faker): Address {
  return {
    line1: faker.location.streetAddress(),
    city: faker.location.city(),
    state: faker.location.state({ abbreviated: true }),
    zip: faker.location.zipCode('#####'),
  };
}

/**
 * Residents per independently seeded block. Blocks can be generated in parallel (the seed's worker
 * threads do), and the first block is exactly what one seeded stream always gave, so small counts
 * (every test) see the same residents as before blocks existed.
 */
export const RESIDENT_BLOCK = 50_000;

/**
 * Residents 1..count as of `asOf`, lazily, so 100,000 of them never sit in memory at once. The same
 * (count, asOf, seed) always gives the same residents. Each block is seeded once: re-seeding faker
 * for every resident cost more than generating it.
 */
export function* generateResidents(
  count: number,
  asOf: IsoDate,
  seed = 65,
): Generator<ResidentFacts> {
  for (let first = 1; first <= count; first += RESIDENT_BLOCK)
    yield* generateResidentBlock((first - 1) / RESIDENT_BLOCK, count - first + 1, asOf, seed);
}

/** Block `block` of the residents (RESIDENT_BLOCK of them, or `limit` if fewer). */
export function* generateResidentBlock(
  block: number,
  limit: number,
  asOf: IsoDate,
  seed = 65,
): Generator<ResidentFacts> {
  const faker = new Faker({ locale: [en_US, en, base] });
  faker.seed(block === 0 ? seed : [seed, block]);
  // VA's facts come from a stream of their own, so the other agencies' facts do not shift.
  const vaFaker = new Faker({ locale: [base] });
  vaFaker.seed(block === 0 ? seed + 1 : [seed + 1, block]);
  const first = block * RESIDENT_BLOCK + 1;
  const last = first + Math.min(limit, RESIDENT_BLOCK) - 1;
  for (let index = first; index <= last; index += 1) {
    yield drawResident(faker, vaFaker, index, asOf);
  }
}

/** The personas followed by `generated` synthetic residents: what every agency seeds, in the same order. */
export function* seedResidents(asOf: IsoDate, generated: number): Generator<ResidentFacts> {
  yield* personas(asOf);
  yield* generateResidents(generated, asOf);
}
