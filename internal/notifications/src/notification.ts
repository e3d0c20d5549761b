/**
 * What one agency is told about one declaration. The payload is the part of the declaration this
 * agency needs; agencies read only the kinds they handle.
 */
export interface Notification {
  /** Unique per (declaration, agency); the agency applies each id at most once. */
  readonly id: string;
  readonly declarationId: string;
  readonly residentId: string;
  /** An `Agency` value, e.g. `SSA`. */
  readonly agency: string;
  /** What happened, e.g. `MOVE`. */
  readonly kind: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** What an agency made of a notification. */
export type OutcomeResult =
  /** Applied to the agency's records (now, or on an earlier delivery). */
  | 'APPLIED'
  /** The agency's rules said no (e.g. no record of the resident); the resident must act. */
  | 'REFUSED'
  /** It could not be applied after every retry; it sits in the agency's dead-letter stream. */
  | 'FAILED';

export interface Outcome {
  readonly notificationId: string;
  readonly agency: string;
  readonly result: OutcomeResult;
  /** Plain-language reason for REFUSED and FAILED, shown to the resident. */
  readonly reason: string | null;
}

/** Stream entries are flat field/value lists. */
export function notificationFields(n: Notification): string[] {
  return [
    'id',
    n.id,
    'declarationId',
    n.declarationId,
    'residentId',
    n.residentId,
    'agency',
    n.agency,
    'kind',
    n.kind,
    'payload',
    JSON.stringify(n.payload),
  ];
}

export function fieldMap(fields: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i]!, fields[i + 1]!);
  return map;
}

/** Reads a stream entry back; throws on anything malformed (such an entry is dead-lettered). */
export function parseNotification(fields: readonly string[]): Notification {
  const map = fieldMap(fields);
  const text = (name: string) => {
    const value = map.get(name);
    if (!value) throw new Error(`notification has no ${name}`);
    return value;
  };
  const payload: unknown = JSON.parse(text('payload'));
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new Error('notification payload is not an object');
  }
  return {
    id: text('id'),
    declarationId: text('declarationId'),
    residentId: text('residentId'),
    agency: text('agency'),
    kind: text('kind'),
    payload: payload as Record<string, unknown>,
  };
}

export function outcomeFields(o: Outcome): string[] {
  return [
    'notificationId',
    o.notificationId,
    'agency',
    o.agency,
    'result',
    o.result,
    'reason',
    o.reason ?? '',
  ];
}

const results: readonly OutcomeResult[] = ['APPLIED', 'REFUSED', 'FAILED'];

export function parseOutcome(fields: readonly string[]): Outcome | null {
  const map = fieldMap(fields);
  const result = map.get('result') as OutcomeResult | undefined;
  const notificationId = map.get('notificationId');
  const agency = map.get('agency');
  if (!notificationId || !agency || !result || !results.includes(result)) return null;
  return { notificationId, agency, result, reason: map.get('reason') || null };
}
