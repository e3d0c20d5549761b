import { birthMonthForBenefitRules, firstDayOf, type IsoDate } from '@resident-graph/calendar';
import {
  EARLIEST_CLAIMING_AGE,
  LATEST_CLAIMING_AGE,
  ageInMonths,
  fullRetirementAge,
  monthReachingAge,
} from './retirement-age.js';

/*
 * Benefit factors are exact multiples of 1/3600 of the primary insurance amount (PIA): 5/9 of 1% is
 * 20/3600, 5/12 of 1% is 15/3600, 2/3 of 1% is 24/3600. Working in these integer units keeps the
 * arithmetic exact, so 70% of $2,100 is $1,470 and not the $1,469 that floating point would floor to.
 */
const FULL = 3600;
/** Reduction per month for the first 36 months before full retirement age: 5/9 of 1%. */
const EARLY_FIRST_36_MONTHS = 20;
/** Reduction per month beyond 36 months before full retirement age: 5/12 of 1%. */
const EARLY_BEYOND_36_MONTHS = 15;
/** Delayed retirement credit per month after full retirement age: 2/3 of 1% (8% a year). */
const DELAYED_CREDIT = 24;

/** Birth years whose delayed credit is 8% a year; earlier cohorts earned less (3%–7.5%). */
const FIRST_BIRTH_YEAR_WITH_8_PERCENT_CREDIT = 1943;

/**
 * The benefit as a share of the PIA in 1/3600ths, for a claim `monthsFromFullRetirementAge` months
 * after (positive) or before (negative) full retirement age.
 */
export function benefitFactor(monthsFromFullRetirementAge: number): number {
  if (!Number.isInteger(monthsFromFullRetirementAge)) throw new RangeError('months must be whole');
  if (monthsFromFullRetirementAge >= 0) return FULL + DELAYED_CREDIT * monthsFromFullRetirementAge;
  const early = -monthsFromFullRetirementAge;
  return (
    FULL -
    EARLY_FIRST_36_MONTHS * Math.min(early, 36) -
    EARLY_BEYOND_36_MONTHS * Math.max(early - 36, 0)
  );
}

/** The benefit as a percent of the full benefit, to two decimal places (70, 124, 70.83). */
export function percentOfFullBenefit(monthsFromFullRetirementAge: number): number {
  return Math.round((benefitFactor(monthsFromFullRetirementAge) * 100 * 100) / FULL) / 100;
}

/**
 * The monthly payment in whole dollars. SSA rounds a reduced or increased benefit down to the dime
 * and then the payment down to the whole dollar; flooring straight to the dollar gives the same
 * payment, so that is what residents see.
 */
export function monthlyBenefit(
  primaryInsuranceAmount: number,
  monthsFromFullRetirementAge: number,
): number {
  return Math.floor((primaryInsuranceAmount * benefitFactor(monthsFromFullRetirementAge)) / FULL);
}

export interface BenefitEstimateFacts {
  claimingAge: number;
  /** First day of the month the resident reaches `claimingAge`: the first month of this amount. */
  startsOn: IsoDate;
  monthlyAmount: number;
  percentOfFullBenefit: number;
}

/**
 * What the resident would get a month if benefits started in the month they reach each age from 62
 * to 70, as SSA's own tables present it. (SSA pays a first month only if the resident is 62 all month
 * long, so most people's earliest month is the one after they turn 62; the estimates stay by age.)
 * Empty for people born before 1943: they are past 70 and their delayed credits followed older rules.
 */
export function benefitEstimates(
  birthDate: IsoDate,
  primaryInsuranceAmount: number,
): BenefitEstimateFacts[] {
  if (birthMonthForBenefitRules(birthDate).year < FIRST_BIRTH_YEAR_WITH_8_PERCENT_CREDIT) return [];
  const fullAgeInMonths = ageInMonths(fullRetirementAge(birthDate));
  const estimates: BenefitEstimateFacts[] = [];
  for (
    let claimingAge = EARLIEST_CLAIMING_AGE;
    claimingAge <= LATEST_CLAIMING_AGE;
    claimingAge += 1
  ) {
    const monthsFromFull = claimingAge * 12 - fullAgeInMonths;
    estimates.push({
      claimingAge,
      startsOn: firstDayOf(monthReachingAge(birthDate, { years: claimingAge, months: 0 })),
      monthlyAmount: monthlyBenefit(primaryInsuranceAmount, monthsFromFull),
      percentOfFullBenefit: percentOfFullBenefit(monthsFromFull),
    });
  }
  return estimates;
}
