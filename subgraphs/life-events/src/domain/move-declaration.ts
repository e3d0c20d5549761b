import { addDays, addMonths, plainDate, type IsoDate } from '@resident-graph/calendar';
import { Agency } from '@resident-graph/federation';
import { DeclarationInputError } from '../declaration/declaration.errors.js';

/** A US mailing address as the resident gives it. */
export interface MailingAddress {
  line1: string;
  line2?: string | null;
  city: string;
  /** Two-letter USPS code of a state, DC, a territory or an armed forces region. */
  state: string;
  /** `12345` or `12345-6789`. */
  zip: string;
}

export interface MoveDeclaration {
  newAddress: MailingAddress & { line2: string | null };
  movedOn: IsoDate;
  /** The agencies to tell, in the order the resident will see them; no duplicates. */
  agencies: Agency[];
}

/**
 * The agencies that keep a resident's address and take it from the graph, in the MOVING journey's
 * order: the Postal Service first (its validation letter goes to the old address), then the IRS
 * (Form 8822), Social Security, and the Department of State (passport mailing address).
 */
export const moveAgencies: readonly Agency[] = [Agency.USPS, Agency.IRS, Agency.SSA, Agency.STATE];

const postalCodes = new Set(
  (
    'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY ' +
    'NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP AA AE AP'
  ).split(' '),
);

/**
 * The dates a move can be reported for: the Postal Service takes a change of address up to 3 months
 * ahead, and an address more than a year old is no longer "a move" to the agencies but a correction
 * of their records, which each handles itself.
 */
export function moveDateRange(today: IsoDate): { earliest: IsoDate; latest: IsoDate } {
  return { earliest: addDays(addMonths(today, -12), 1), latest: addMonths(today, 3) };
}

const clean = (value: string | null | undefined) => (value ?? '').trim().replace(/\s+/g, ' ');

function checkedAddress(input: MailingAddress): MoveDeclaration['newAddress'] {
  const line1 = clean(input.line1);
  const line2 = clean(input.line2);
  const city = clean(input.city);
  const state = clean(input.state).toUpperCase();
  const zip = clean(input.zip);
  const refuse = (field: string, message: string): never => {
    throw new DeclarationInputError('INVALID_ADDRESS', message, { field });
  };
  if (line1.length === 0 || line1.length > 100)
    refuse('line1', 'Give the street address of your new home (up to 100 characters).');
  if (line2.length > 100) refuse('line2', 'The second address line can be up to 100 characters.');
  if (city.length === 0 || city.length > 60 || !/^[\p{L} .'-]+$/u.test(city))
    refuse('city', 'Give the city of your new address, in letters.');
  if (!postalCodes.has(state))
    refuse('state', 'Give the state as its two-letter code, for example AZ for Arizona.');
  if (!/^\d{5}(-\d{4})?$/.test(zip))
    refuse('zip', 'Give a 5-digit ZIP code, for example 85004, or ZIP+4 such as 85004-1234.');
  return { line1, line2: line2 || null, city, state, zip };
}

/**
 * Checks and normalises what the resident asked for, or throws a coded error saying what to fix.
 * `agencies` null or absent means every agency in `moveAgencies`.
 */
export function checkedMoveDeclaration(
  input: { newAddress: MailingAddress; movedOn: IsoDate; agencies?: Agency[] | null },
  today: IsoDate,
): MoveDeclaration {
  const newAddress = checkedAddress(input.newAddress);
  const { earliest, latest } = moveDateRange(today);
  if (input.movedOn < earliest || input.movedOn > latest) {
    throw new DeclarationInputError(
      'DATE_OUT_OF_RANGE',
      `The move date must be between ${plainDate(earliest)} and ${plainDate(latest)}: you can report a move up to 3 months ahead, or up to a year after it happened.`,
      { field: 'movedOn', earliest, latest },
    );
  }
  const asked = input.agencies ?? moveAgencies;
  const unknown = asked.filter((agency) => !moveAgencies.includes(agency));
  if (asked.length === 0 || unknown.length > 0) {
    throw new DeclarationInputError(
      'AGENCY_NOT_NOTIFIABLE',
      asked.length === 0
        ? 'Choose at least one agency to tell, or leave the list out to tell all of them.'
        : `We cannot pass a new address to ${unknown.join(', ')} yet. Agencies we can tell: ${moveAgencies.join(', ')}.`,
      { agencies: [...moveAgencies] },
    );
  }
  // In the journey's order, each once, whatever order the resident listed them in.
  const agencies = moveAgencies.filter((agency) => asked.includes(agency));
  return { newAddress, movedOn: input.movedOn, agencies };
}
