import {
  addToYearMonth,
  birthMonthForBenefitRules,
  firstDayOf,
  type IsoDate,
  type YearMonth,
} from '@resident-graph/calendar';

/** An age in whole years and months, as SSA states full retirement age ("66 and 10 months"). */
export interface RetirementAge {
  years: number;
  months: number;
}

export const EARLIEST_CLAIMING_AGE = 62;
export const LATEST_CLAIMING_AGE = 70;

/**
 * Full retirement age by birth year, counted from `birthMonthForBenefitRules` (born on January 1:
 * the year before): 66 for 1943–1954, rising two months a year from 1955 to 1959, 67 from 1960. Earlier years follow SSA's table too (65, then 65 and 2–10 months for
 * 1938–1942), so the answer is right for every resident, not just the ones the rules were written for.
 */
export function fullRetirementAge(birthDate: IsoDate): RetirementAge {
  const { year } = birthMonthForBenefitRules(birthDate);
  if (year <= 1937) return { years: 65, months: 0 };
  if (year <= 1942) return { years: 65, months: 2 * (year - 1937) };
  if (year <= 1954) return { years: 66, months: 0 };
  if (year <= 1959) return { years: 66, months: 2 * (year - 1954) };
  return { years: 67, months: 0 };
}

export function ageInMonths(age: RetirementAge): number {
  return age.years * 12 + age.months;
}

/** The month in which the resident reaches `age` (the birth-on-the-1st rule included). */
export function monthReachingAge(birthDate: IsoDate, age: RetirementAge): YearMonth {
  return addToYearMonth(birthMonthForBenefitRules(birthDate), ageInMonths(age));
}

/** The month the resident reaches full retirement age: the first month a 100% benefit is payable. */
export function fullRetirementMonth(birthDate: IsoDate): YearMonth {
  return monthReachingAge(birthDate, fullRetirementAge(birthDate));
}

/** First day of the full-retirement-age month: what `fullRetirementDate` reports. */
export function fullRetirementDate(birthDate: IsoDate): IsoDate {
  return firstDayOf(fullRetirementMonth(birthDate));
}
