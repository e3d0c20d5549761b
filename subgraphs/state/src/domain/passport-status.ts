import { taskStatus, type StatusCodes, type TaskStatus } from '@resident-graph/federation';
import { addDays, plainDate, type IsoDate } from '@resident-graph/calendar';
import type { PassportApplicationStatus } from '@resident-graph/personas';
import {
  onlineRenewalEligibility,
  onlineRenewalOpensOn,
  type PassportFacts,
} from './online-renewal.js';
import {
  EXPEDITE_FEE_DOLLARS,
  expectedProcessingWindow,
  processingTimeInWords,
} from './processing-time.js';

export type { PassportApplicationStatus };

/** A passport application as the Department of State tracks it. */
export interface PassportApplicationFacts {
  status: PassportApplicationStatus;
  /** When the application was received; null while it has not been submitted. */
  submittedOn: IsoDate | null;
  changedOn: IsoDate | null;
  expedited: boolean;
}

/** How a passport stands on a given day. */
export type PassportValidity = 'VALID' | 'RENEW_SOON' | 'EXPIRED';

/**
 * Every code the TURNING_65 passport task's status can carry: a renewal application's status when
 * there is one, otherwise how the current passport stands, or NO_PASSPORT.
 */
export type PassportRenewalStatusCode =
  PassportValidity | 'NO_PASSPORT' | PassportApplicationStatus;
export const PassportRenewalStatusCode: StatusCodes<PassportRenewalStatusCode> = {
  VALID: 'VALID',
  RENEW_SOON: 'RENEW_SOON',
  EXPIRED: 'EXPIRED',
  NO_PASSPORT: 'NO_PASSPORT',
  NOT_AVAILABLE: 'NOT_AVAILABLE',
  IN_PROCESS: 'IN_PROCESS',
  ADDITIONAL_INFO_NEEDED: 'ADDITIONAL_INFO_NEEDED',
  APPROVED: 'APPROVED',
  MAILED: 'MAILED',
};

/** Every code the HAVING_A_CHILD passport task's status can carry: the application's, always. */
export type ChildPassportApplicationStatusCode = PassportApplicationStatus;
export const ChildPassportApplicationStatusCode: StatusCodes<ChildPassportApplicationStatusCode> = {
  NOT_AVAILABLE: 'NOT_AVAILABLE',
  IN_PROCESS: 'IN_PROCESS',
  ADDITIONAL_INFO_NEEDED: 'ADDITIONAL_INFO_NEEDED',
  APPROVED: 'APPROVED',
  MAILED: 'MAILED',
};

/** Steps of an application once received: In process (1), Approved (2), Mailed (3). */
const APPLICATION_STEPS = {
  IN_PROCESS: 1,
  ADDITIONAL_INFO_NEEDED: 1,
  APPROVED: 2,
  MAILED: 3,
} as const;
const APPLICATION_STEP_COUNT = 3;

/**
 * Where a passport application stands, in the words travel.state.gov uses for its status codes.
 * `what` names the application in sentences ("renewal application", "application for Juniper").
 */
export function passportApplicationStatus(
  application: PassportApplicationFacts,
  what: string,
): TaskStatus<PassportApplicationStatus> {
  // When the passport should arrive, counted from receipt: shown while it is in process or approved.
  const expected = application.submittedOn
    ? expectedProcessingWindow(application.submittedOn, application.expedited)
    : { expectedFrom: null, expectedBy: null };
  switch (application.status) {
    case 'NOT_AVAILABLE':
      return taskStatus({
        code: 'NOT_AVAILABLE',
        label: 'Not available',
        description: `We don’t have a record of your ${what} in our system yet. Applications sent by mail can take a while to show up here.`,
        nextSteps: [
          'Check again later. If you haven’t sent your application yet, you don’t need to do anything here until you do.',
        ],
        lastChangedOn: application.changedOn,
      });
    case 'IN_PROCESS':
      return taskStatus({
        code: 'IN_PROCESS',
        label: 'In process',
        description: `We’re working on your ${what}. ${application.expedited ? 'Expedited' : 'Routine'} processing takes ${processingTimeInWords(application.expedited)}${application.submittedOn ? ` from when we got it on ${plainDate(application.submittedOn)}` : ''}.`,
        nextSteps: [
          'You don’t need to do anything now. We’ll contact you if we need more information.',
          ...(application.expedited
            ? []
            : [
                `If you need your passport sooner, you can pay $${EXPEDITE_FEE_DOLLARS} to expedite it (${processingTimeInWords(true)}).`,
              ]),
        ],
        ...expected,
        lastChangedOn: application.changedOn,
        step: APPLICATION_STEPS.IN_PROCESS,
        stepCount: APPLICATION_STEP_COUNT,
      });
    case 'ADDITIONAL_INFO_NEEDED':
      return taskStatus({
        code: 'ADDITIONAL_INFO_NEEDED',
        label: 'Additional information needed',
        description: `We need more information from you before we can continue with your ${what}. We sent you a letter or email that says what we need.`,
        nextSteps: [
          'Follow the instructions in the letter or email we sent you, and send us what it asks for.',
          'We’ll continue working on your application once we get it.',
        ],
        lastChangedOn: application.changedOn,
        step: APPLICATION_STEPS.ADDITIONAL_INFO_NEEDED,
        stepCount: APPLICATION_STEP_COUNT,
        actionRequired: true,
      });
    case 'APPROVED':
      return taskStatus({
        code: 'APPROVED',
        label: 'Approved',
        description: `We approved your ${what}. We’re printing the passport and will mail it to you soon.`,
        nextSteps: [
          'You don’t need to do anything now. We’ll mail the passport to the address on your application.',
        ],
        ...expected,
        lastChangedOn: application.changedOn,
        step: APPLICATION_STEPS.APPROVED,
        stepCount: APPLICATION_STEP_COUNT,
      });
    case 'MAILED':
      return taskStatus({
        code: 'MAILED',
        label: 'Mailed',
        description: `We mailed the passport from your ${what}. Any documents you sent us, like a birth certificate or old passport, come back in a separate envelope.`,
        nextSteps: [
          'Sign the new passport as soon as you get it.',
          'If it doesn’t arrive, contact the National Passport Information Center.',
        ],
        lastChangedOn: application.changedOn,
        step: APPLICATION_STEPS.MAILED,
        stepCount: APPLICATION_STEP_COUNT,
      });
  }
}

/**
 * Whether a passport is valid, expiring within a year, or expired, on `today`. "Renew soon" starts
 * the day online renewal opens, so the two never disagree.
 */
export function passportValidity(
  passport: Pick<PassportFacts, 'expiresOn'>,
  today: IsoDate,
): PassportValidity {
  // A passport is good through its expiration date.
  if (passport.expiresOn < today) return 'EXPIRED';
  if (today >= onlineRenewalOpensOn(passport.expiresOn)) return 'RENEW_SOON';
  return 'VALID';
}

/**
 * The TURNING_65 passport task: a renewal application's own status when there is one, otherwise
 * what the current passport means for the resident today (renew it soon, or nothing to do).
 */
export function passportRenewalStatus(
  passport: PassportFacts | null,
  renewal: PassportApplicationFacts | null,
  today: IsoDate,
): TaskStatus<PassportRenewalStatusCode> {
  if (renewal) return passportApplicationStatus(renewal, 'passport renewal application');
  if (!passport) {
    return taskStatus({
      code: 'NO_PASSPORT',
      label: 'No passport',
      description: 'We have no passport on record for you. You need one only to travel abroad.',
      nextSteps: [
        'To get your first passport, apply in person with form DS-11 at a passport acceptance facility, such as many post offices.',
      ],
    });
  }
  const online = onlineRenewalEligibility(passport, today);
  const howToRenew = online.eligible
    ? [
        'You can renew online at travel.state.gov.',
        `Routine processing takes ${processingTimeInWords(false)}; expedited takes ${processingTimeInWords(true)} for an extra $${EXPEDITE_FEE_DOLLARS}.`,
      ]
    : online.reasons;
  const expires = plainDate(passport.expiresOn);
  const renewalOpensOn = onlineRenewalOpensOn(passport.expiresOn);
  switch (passportValidity(passport, today)) {
    case 'VALID':
      return taskStatus({
        code: 'VALID',
        label: 'Valid',
        description: `Your passport is valid until ${expires}. You don’t need to do anything now.`,
        nextSteps: [
          `You can renew it from ${plainDate(renewalOpensOn)}, a year before it expires.`,
        ],
        lastChangedOn: passport.issuedOn,
      });
    case 'RENEW_SOON':
      return taskStatus({
        code: 'RENEW_SOON',
        label: 'Renew soon',
        description: `Your passport expires on ${expires}, within a year. We recommend renewing it now: some countries require a passport that stays valid for months after you arrive. ${online.eligible ? 'You can renew it online.' : 'You can’t renew it online.'}`,
        nextSteps: howToRenew,
        lastChangedOn: renewalOpensOn,
      });
    case 'EXPIRED':
      return taskStatus({
        code: 'EXPIRED',
        label: 'Expired',
        description: `Your passport expired on ${expires}. You need a valid passport to travel abroad. ${online.eligible ? 'You can still renew it online.' : 'You can’t renew it online.'}`,
        nextSteps: howToRenew,
        lastChangedOn: addDays(passport.expiresOn, 1),
      });
  }
}

/**
 * The HAVING_A_CHILD passport task. A child's first passport is always applied for in person with
 * form DS-11, with both parents or guardians; once submitted it follows the usual application steps.
 */
export function childPassportApplicationStatus(
  application: (PassportApplicationFacts & { childGivenName: string }) | null,
): TaskStatus<ChildPassportApplicationStatusCode> {
  const forWhom = application ? `for ${application.childGivenName}` : 'for your child';
  // NOT_AVAILABLE with no submission date is a form started but never handed in: explain how to apply.
  if (application && (application.status !== 'NOT_AVAILABLE' || application.submittedOn)) {
    return passportApplicationStatus(application, `passport application ${forWhom}`);
  }
  return taskStatus({
    code: 'NOT_AVAILABLE',
    label: 'Not available',
    description: `We don’t have a passport application ${forWhom} yet. A child’s first passport can’t be applied for online or by mail: you apply in person.`,
    nextSteps: [
      'Fill out form DS-11 (you can fill it out online and print it). Don’t sign it until the acceptance agent asks you to.',
      'Make an appointment at a passport acceptance facility, such as many post offices.',
      'Both parents or guardians go with the child. If one can’t come, bring their signed consent form DS-3053.',
      'Bring the child’s birth certificate, your IDs, and a passport photo of the child.',
      `Routine processing takes ${processingTimeInWords(false)}; expedited takes ${processingTimeInWords(true)} for an extra $${EXPEDITE_FEE_DOLLARS}.`,
    ],
    lastChangedOn: application?.changedOn ?? null,
  });
}
