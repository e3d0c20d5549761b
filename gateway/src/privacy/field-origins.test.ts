import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldOrigins } from './field-origins.js';

const supergraph = readFileSync(
  new URL('../../../schema/supergraph.graphql', import.meta.url),
  'utf8',
);

describe('fieldOrigins', () => {
  const origins = fieldOrigins(supergraph);

  it('names the agency that resolves each field, for entity fields and plain types alike', () => {
    expect(origins.agencyOf('Resident.givenName')).toBe('identity');
    expect(origins.agencyOf('Resident.taxRefund')).toBe('irs');
    expect(origins.agencyOf('TaxRefund.amount')).toBe('irs');
    expect(origins.agencyOf('FullRetirementAge.years')).toBe('ssa');
    expect(origins.agencyOf('Nothing.here')).toBeUndefined();
  });

  it('labels what the resident told an agency themselves as resident-provided', () => {
    expect(origins.sourceOf('Resident.mailingAddress')).toBe('RESIDENT_PROVIDED');
    expect(origins.sourceOf('TaxRefund.amount')).toBe('AGENCY_VERIFIED');
  });
});
