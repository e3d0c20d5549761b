import { Agency } from '@resident-graph/federation';
import { describe, expect, it } from 'vitest';
import { checkedMoveDeclaration, moveDateRange } from './move-declaration.js';

const today = '2026-06-15';
const address = { line1: ' 1200  N Central Ave ', city: 'Phoenix', state: 'az', zip: '85004' };

const refusal = (input: Parameters<typeof checkedMoveDeclaration>[0]) => {
  try {
    checkedMoveDeclaration(input, today);
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
  throw new Error('not refused');
};

describe('checkedMoveDeclaration', () => {
  it('normalises the address and tells every agency that keeps it, in the journey’s order', () => {
    expect(checkedMoveDeclaration({ newAddress: address, movedOn: '2026-07-01' }, today)).toEqual({
      newAddress: {
        line1: '1200 N Central Ave',
        line2: null,
        city: 'Phoenix',
        state: 'AZ',
        zip: '85004',
      },
      movedOn: '2026-07-01',
      agencies: [Agency.USPS, Agency.IRS, Agency.SSA, Agency.STATE],
    });
  });

  it('keeps the agencies asked for, once each, in the journey’s order', () => {
    const move = checkedMoveDeclaration(
      {
        newAddress: address,
        movedOn: '2026-07-01',
        agencies: [Agency.SSA, Agency.USPS, Agency.SSA],
      },
      today,
    );
    expect(move.agencies).toEqual([Agency.USPS, Agency.SSA]);
  });

  it('takes a move from a year ago to 3 months ahead, and no further either way', () => {
    expect(moveDateRange(today)).toEqual({ earliest: '2025-06-16', latest: '2026-09-15' });
    const zipPlus4 = { ...address, zip: '85004-1234' };
    expect(
      checkedMoveDeclaration({ newAddress: zipPlus4, movedOn: today }, today).newAddress.zip,
    ).toBe('85004-1234');
    for (const movedOn of ['2025-06-16', '2026-09-15']) {
      expect(checkedMoveDeclaration({ newAddress: address, movedOn }, today).movedOn).toBe(movedOn);
    }
    for (const movedOn of ['2025-06-15', '2026-09-16']) {
      expect(refusal({ newAddress: address, movedOn })).toMatchObject({
        code: 'DATE_OUT_OF_RANGE',
      });
    }
  });

  it('names the part of the address at fault', () => {
    const bad = (part: object) =>
      refusal({ newAddress: { ...address, ...part }, movedOn: '2026-07-01' });
    expect(bad({ line1: '  ' })).toMatchObject({ code: 'INVALID_ADDRESS', field: 'line1' });
    expect(bad({ city: 'Ph0enix' })).toMatchObject({ code: 'INVALID_ADDRESS', field: 'city' });
    expect(bad({ state: 'Arizona' })).toMatchObject({ code: 'INVALID_ADDRESS', field: 'state' });
    expect(bad({ zip: '85004-12' })).toMatchObject({ code: 'INVALID_ADDRESS', field: 'zip' });
  });

  it('refuses agencies that do not take a move, and an empty list', () => {
    expect(
      refusal({ newAddress: address, movedOn: '2026-07-01', agencies: [Agency.CMS] }),
    ).toMatchObject({ code: 'AGENCY_NOT_NOTIFIABLE', agencies: ['USPS', 'IRS', 'SSA', 'STATE'] });
    expect(refusal({ newAddress: address, movedOn: '2026-07-01', agencies: [] })).toMatchObject({
      code: 'AGENCY_NOT_NOTIFIABLE',
    });
  });
});
