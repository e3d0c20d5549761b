export {
  addDays,
  addMonths,
  addToYearMonth,
  addYears,
  ageOn,
  daysBetween,
  daysInMonth,
  firstDayOf,
  fixedClock,
  formatIsoDate,
  isIsoDate,
  lastDayOf,
  parseIsoDate,
  systemClock,
  DEFAULT_TIME_ZONE,
  type Clock,
  type IsoDate,
  type YearMonth,
} from './calendar.js';
export { plainDate, plainMonth } from './plain-date.js';
export { birthMonthForBenefitRules, monthsBetween, yearMonthOf } from './year-month.js';
