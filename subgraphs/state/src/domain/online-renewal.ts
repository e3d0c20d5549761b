import { addDays, addYears, plainDate, type IsoDate } from '@resident-graph/calendar';

/** What the Department of State holds about a resident's current passport book. */
export interface PassportFacts {
  issuedOn: IsoDate;
  expiresOn: IsoDate;
  /** 10 for an adult passport; 5 for a child passport (issued under 16). */
  validityYears: number;
  /** The holder's name has changed since the passport was issued. */
  nameChanged: boolean;
}

export interface OnlineRenewalEligibility {
  eligible: boolean;
  /** Why online renewal is not possible, each with what to do instead; empty when eligible. */
  reasons: string[];
}

/** Online renewal opens this long before expiry … */
export const ONLINE_RENEWAL_OPENS_YEARS_BEFORE_EXPIRY = 1;
/** … and closes this long after it (after that, a new application in person). */
export const ONLINE_RENEWAL_CLOSES_YEARS_AFTER_EXPIRY = 5;
/** Only adult passports, which are valid for 10 years, can be renewed online. */
export const ADULT_PASSPORT_VALIDITY_YEARS = 10;

/**
 * The first day a passport expiring on `expiresOn` can be renewed online: the earliest day from which
 * it expires within the next year. Usually the same date a year earlier; for an expiry on February
 * 29 it is March 1 of the year before, because a year after February 28 is only February 28.
 * Both the eligibility check and every sentence that names the day come from here.
 */
export function onlineRenewalOpensOn(expiresOn: IsoDate): IsoDate {
  const yearBefore = addYears(expiresOn, -ONLINE_RENEWAL_OPENS_YEARS_BEFORE_EXPIRY);
  // addYears clamps February 29 to February 28, and a year after that falls short of the expiry.
  return addYears(yearBefore, ONLINE_RENEWAL_OPENS_YEARS_BEFORE_EXPIRY) < expiresOn
    ? addDays(yearBefore, 1)
    : yearBefore;
}

/**
 * Whether a passport can be renewed online on `today`: an adult passport (10-year, so issued at 16
 * or older) that expires within the next year or expired within the last 5 years, with no name
 * change. Every reason that applies is returned, so the resident learns all of them at once.
 *
 * A passport issued under 16 is always a 5-year child passport, so its validity is how the rule "16
 * or older when issued" is checked; the same rule keeps children (whose passports are all child
 * passports) out of online renewal.
 */
export function onlineRenewalEligibility(
  passport: PassportFacts | null,
  today: IsoDate,
): OnlineRenewalEligibility {
  if (!passport) {
    return {
      eligible: false,
      reasons: [
        'We have no passport on record for you. A first passport can’t be applied for online: apply in person with form DS-11.',
      ],
    };
  }
  const reasons: string[] = [];
  if (passport.validityYears !== ADULT_PASSPORT_VALIDITY_YEARS) {
    reasons.push(
      `This is a ${passport.validityYears}-year passport, which is issued to children under 16. It can’t be renewed online or by mail: apply in person with form DS-11.`,
    );
  }
  if (passport.nameChanged) {
    reasons.push(
      'Your name has changed since this passport was issued, and online renewal can’t change a name. Renew by mail with form DS-82 and a certified copy of your name change document (such as a marriage certificate or court order).',
    );
  }
  const opensOn = onlineRenewalOpensOn(passport.expiresOn);
  if (today < opensOn) {
    reasons.push(
      `Your passport is valid until ${plainDate(passport.expiresOn)}. Online renewal opens a year before it expires, on ${plainDate(opensOn)}.`,
    );
  }
  if (passport.expiresOn < addYears(today, -ONLINE_RENEWAL_CLOSES_YEARS_AFTER_EXPIRY)) {
    reasons.push(
      `Your passport expired on ${plainDate(passport.expiresOn)}, more than 5 years ago. Apply for a new one in person with form DS-11.`,
    );
  }
  return { eligible: reasons.length === 0, reasons };
}
