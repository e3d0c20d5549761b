import type { Policy, Scope } from './vocabulary.js';

/**
 * What it takes to read one field, as Federation's authorization directives say it. Each
 * `@requiresScopes` / `@policy` application is an OR of ANDs (`[["a", "b"], ["c"]]`: a and b, or c);
 * several applications (a type's and a field's) must all hold.
 */
export interface Requirement {
  readonly authenticated: boolean;
  readonly scopes: readonly (readonly (readonly Scope[])[])[];
  readonly policies: readonly (readonly (readonly Policy[])[])[];
}

export const NO_REQUIREMENT: Requirement = { authenticated: false, scopes: [], policies: [] };

/** Both requirements at once. */
export function combine(a: Requirement, b: Requirement): Requirement {
  return {
    authenticated: a.authenticated || b.authenticated,
    scopes: [...a.scopes, ...b.scopes],
    policies: [...a.policies, ...b.policies],
  };
}

export const isOpen = (r: Requirement) =>
  !r.authenticated && r.scopes.length === 0 && r.policies.length === 0;

/** A stable, readable form: equal requirements print equally (used for docs and drift checks). */
export function describeRequirement(r: Requirement): string {
  const parts: string[] = [];
  if (r.authenticated) parts.push('signed in');
  const alternatives = (sets: readonly (readonly string[])[]) =>
    sets
      .map((set) => [...set].sort().join(' and '))
      .sort()
      .join(' or ');
  for (const s of [...r.scopes.map(alternatives)].sort()) parts.push(`scope ${s}`);
  for (const p of [...r.policies.map(alternatives)].sort()) parts.push(`policy ${p}`);
  return parts.join('; ') || 'public';
}
