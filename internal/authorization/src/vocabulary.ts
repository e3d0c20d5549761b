import { assuranceLevels, type AssuranceLevel, type Caller } from '@resident-graph/caller';

/**
 * Every scope a field may require, with why it exists. A field's `@requiresScopes` may name only
 * these (the gateway refuses a supergraph with others), and docs/authorization.md quotes the reasons.
 */
export const scopes = {
  'identity:read':
    'The resident’s profile kept by the platform: name, birth date, mailing address.',
  'journey:read': 'The resident’s life-event journeys and the steps the platform suggests.',
  'ssa:read': 'Social Security records (Privacy Act system of records, SSA).',
  'cms:read': 'Medicare eligibility and enrollment records (CMS).',
  'state:read': 'Passport records (Department of State).',
  'irs:read': 'Tax return information, confidential under 26 U.S.C. 6103 (IRS).',
  'usps:read': 'Change-of-address and mail forwarding records (USPS).',
  'va:read':
    'Military service, disability claims, GI Bill and health care enrollment records (VA).',
  'consent:manage':
    'The resident’s consents to applications and the record of who received their data: only the resident’s own (first-party) app may hold it.',
  ...staffScopes(),
  // --- Resident actions ("tell us once", ADR 0014): begin ---
  'actions:write':
    'Acting for the resident: reporting a move or a birth once for every agency that needs it, applying for retirement benefits, signing up for Medicare, renewing a passport online. First-party applications only, and only with a verified identity.',
  // --- Resident actions: end ---
} as const satisfies Record<string, string>;
export type Scope = keyof typeof scopes;

/** The agencies whose records staff may read (one `<agency>:staff` scope each). */
export const staffAgencies = ['ssa', 'cms', 'state', 'irs', 'usps', 'va'] as const;
export type StaffAgency = (typeof staffAgencies)[number];

/**
 * `<agency>:staff`: a caseworker of that agency, who may read a named resident's records of that
 * agency only, with a stated purpose and case reference; every read is a disclosure (docs/privacy.md).
 */
function staffScopes() {
  const described = (agency: string) =>
    `Staff of ${agency.toUpperCase()}: read one named resident’s ${agency.toUpperCase()} records for a stated purpose and case; each read is recorded as a disclosure.`;
  return {
    'ssa:staff': described('ssa'),
    'cms:staff': described('cms'),
    'state:staff': described('state'),
    'irs:staff': described('irs'),
    'usps:staff': described('usps'),
    'va:staff': described('va'),
  } as const satisfies Record<`${StaffAgency}:staff`, string>;
}

/** The agency a staff scope is for, or null for any other scope. */
export function staffAgencyOf(scope: string): StaffAgency | null {
  const agency = scope.endsWith(':staff') ? scope.slice(0, -':staff'.length) : '';
  return (staffAgencies as readonly string[]).includes(agency) ? (agency as StaffAgency) : null;
}

export const isScope = (value: string): value is Scope => Object.hasOwn(scopes, value);

/**
 * Held only by the gateway's own calls to identity (admitting releases, recording disclosures).
 * Not in `scopes`, so no client registry entry can name it and no client token can carry it.
 */
export const GATEWAY_SERVICE_SCOPE = 'platform:gateway';

interface PolicyDefinition {
  /** Why the policy exists, for docs/authorization.md. */
  readonly why: string;
  /** What the caller must do, in plain words, when the policy refuses. */
  readonly remedy: string;
  readonly allows: (caller: Caller) => boolean;
}

const atLeast =
  (level: AssuranceLevel) =>
  (caller: Caller): boolean =>
    caller.assurance !== null &&
    assuranceLevels.indexOf(caller.assurance) >= assuranceLevels.indexOf(level);

/**
 * Every policy a field may require (`@policy`). Policies here are identity assurance levels (NIST
 * 800-63 IAL as Login.gov names them): the stronger the proof of identity, the more sensitive the data.
 */
export const policies = {
  'assurance:verified': {
    why: 'Sensitive data (SSN digits, benefit and refund amounts, tax return information) is shown only to a resident whose identity was verified with a document check (IAL2).',
    remedy: 'Verify your identity with a document check to see this information.',
    allows: atLeast('VERIFIED'),
  },
  'assurance:facial-match': {
    why: 'The most sensitive actions need identity verified with a facial match.',
    remedy: 'Verify your identity with a facial match to see this information.',
    allows: atLeast('VERIFIED_FACIAL_MATCH'),
  },
} as const satisfies Record<string, PolicyDefinition>;
export type Policy = keyof typeof policies;

export const isPolicy = (value: string): value is Policy => Object.hasOwn(policies, value);
