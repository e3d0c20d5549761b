import { registerEnumType } from 'type-graphql';

/** The agencies whose services the graph brings together. */
export enum Agency {
  SSA = 'SSA',
  CMS = 'CMS',
  STATE = 'STATE',
  IRS = 'IRS',
  USPS = 'USPS',
  VA = 'VA',
}

registerEnumType(Agency, {
  name: 'Agency',
  description: 'A federal agency that owns part of the graph.',
  valuesConfig: {
    SSA: { description: 'Social Security Administration' },
    CMS: { description: 'Centers for Medicare & Medicaid Services' },
    STATE: { description: 'Department of State (passports)' },
    IRS: { description: 'Internal Revenue Service' },
    USPS: { description: 'United States Postal Service' },
    VA: { description: 'Department of Veterans Affairs' },
  },
});
