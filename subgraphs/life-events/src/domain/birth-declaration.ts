import { addDays, addYears, plainDate, type IsoDate } from '@resident-graph/calendar';
import { Agency } from '@resident-graph/federation';
import { DeclarationInputError } from '../declaration/declaration.errors.js';

export interface BirthDeclaration {
  childGivenName: string;
  childBirthDate: IsoDate;
  agencies: Agency[];
}

/**
 * The agencies a birth is told to, in the HAVING_A_CHILD journey's order: Social Security (the
 * newborn's card, as enumeration at birth does), the IRS (the child tax credit for the year of
 * birth) and the Department of State (what a child's first passport needs).
 */
export const birthAgencies: readonly Agency[] = [Agency.SSA, Agency.IRS, Agency.STATE];

/** A birth is reported after it happens, within the year the HAVING_A_CHILD journey lasts. */
export function birthDateRange(today: IsoDate): { earliest: IsoDate; latest: IsoDate } {
  return { earliest: addDays(addYears(today, -1), 1), latest: today };
}

/** Checks and normalises a reported birth, or throws a coded error saying what to fix. */
export function checkedBirthDeclaration(
  input: { childGivenName: string; childBirthDate: IsoDate; agencies?: Agency[] | null },
  today: IsoDate,
): BirthDeclaration {
  const childGivenName = input.childGivenName.trim().replace(/\s+/g, ' ');
  if (
    childGivenName.length === 0 ||
    childGivenName.length > 50 ||
    !/^[\p{L} .'-]+$/u.test(childGivenName)
  ) {
    throw new DeclarationInputError(
      'BAD_USER_INPUT',
      'Give your child’s first name in letters (up to 50), as on the birth certificate.',
      { field: 'childGivenName' },
    );
  }
  const { earliest, latest } = birthDateRange(today);
  if (input.childBirthDate < earliest || input.childBirthDate > latest) {
    throw new DeclarationInputError(
      'DATE_OUT_OF_RANGE',
      `The birth date must be between ${plainDate(earliest)} and today, ${plainDate(latest)}: report a birth once it has happened, within a year. For an older child, contact each agency directly.`,
      { field: 'childBirthDate', earliest, latest },
    );
  }
  const asked = input.agencies ?? birthAgencies;
  const unknown = asked.filter((agency) => !birthAgencies.includes(agency));
  if (asked.length === 0 || unknown.length > 0) {
    throw new DeclarationInputError(
      'AGENCY_NOT_NOTIFIABLE',
      asked.length === 0
        ? 'Choose at least one agency to tell, or leave the list out to tell all of them.'
        : `We cannot pass a birth to ${unknown.join(', ')}. Agencies we can tell: ${birthAgencies.join(', ')}.`,
      { agencies: [...birthAgencies] },
    );
  }
  return {
    childGivenName,
    childBirthDate: input.childBirthDate,
    agencies: birthAgencies.filter((agency) => asked.includes(agency)),
  };
}
