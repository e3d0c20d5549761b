/**
 * How a declaration's details are named in the disclosure log: by the GraphQL input types the
 * resident filled in, as `Type.field`, the way the gateway names the fields it releases.
 */
const inputTypes: Record<string, { root: string; nested: Record<string, string> }> = {
  MOVE: { root: 'ReportMoveInput', nested: { newAddress: 'MailingAddressInput' } },
  BIRTH: { root: 'ReportBirthInput', nested: {} },
};

/**
 * What an agency receives of a declaration: the details the resident gave, without the list of
 * agencies told (kept for telling a retry from a new request; no agency needs to know who else was
 * told, so none is sent it).
 */
export function agencyPayload(details: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { agencies: _agencies, ...payload } = details;
  return payload;
}

const hasValue = (value: unknown) => value !== null && value !== undefined && value !== '';

/**
 * The fields an agency payload discloses, sorted: each one the resident gave a value, and those
 * beneath it (an unused `line2` is not disclosed, so it is not listed).
 */
export function disclosedFields(
  kind: string,
  payload: Readonly<Record<string, unknown>>,
): string[] {
  const types = inputTypes[kind];
  if (!types) throw new Error(`no field names for declarations of kind ${kind}`);
  const fields: string[] = [];
  for (const [key, value] of Object.entries(payload)) {
    if (!hasValue(value)) continue;
    fields.push(`${types.root}.${key}`);
    const nested = types.nested[key];
    if (nested && typeof value === 'object') {
      for (const [inner, innerValue] of Object.entries(value as Record<string, unknown>))
        if (hasValue(innerValue)) fields.push(`${nested}.${inner}`);
    }
  }
  return fields.sort();
}
