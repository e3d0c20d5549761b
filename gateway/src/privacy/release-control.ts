import type { AccessRules, ClientRegistry, Refusal } from '@resident-graph/authorization';
import { staffAgencyOf } from '@resident-graph/authorization';
import type { Caller } from '@resident-graph/caller';
import { Kind, OperationTypeNode, type FieldNode } from 'graphql';
import { collectFields } from 'graphql/execution/collectFields.js';
import { getArgumentValues } from 'graphql/execution/values.js';
import { rootType, type Coordinate, type Operation } from '../authorization/refusals.js';
import type { FieldOrigins } from './field-origins.js';
import type { IdentityRecords, Release } from './identity-records.js';

/** The root field through which staff read one resident's records (identity's `residentCase`). */
export const RESIDENT_CASE_FIELD = 'residentCase';

/** Who receives a request's data when it is not the resident's own app, and on what ground. */
export interface Recipient {
  residentId: string;
  recipientKind: 'THIRD_PARTY' | 'STAFF';
  recipient: string;
  purpose: string;
  consentId: string | null;
  caseReference: string | null;
}

/** How one request runs, decided before planning. */
export interface ReleasePlan {
  /** The caller subgraphs see: scopes narrowed to the consent, or the staff case's resident. */
  caller: Caller;
  /**
   * Replaces the "missing scope" refusals of `refusalCovers`: why this caller does not get what
   * its client could have (no consent, no staff case). Scopes beyond those stay plain FORBIDDEN.
   */
  refusal: Refusal | null;
  /** The scopes whose refusals it replaces; `all`: every refusal (a caseworker without a case). */
  refusalCovers: readonly string[] | 'all';
  /** Set when what is released must be recorded as a disclosure first. */
  recipient: Recipient | null;
  /** Set when the resident previews a consent request: label what would be released. */
  preview: { id: string; clientId: string } | null;
}

export class ReleaseRecordsUnavailable extends Error {
  override name = 'ReleaseRecordsUnavailable';
}

/**
 * Consent, staff access and the accounting of disclosures, at the gateway (docs/privacy.md): a
 * third-party application reads a resident's records only under an active consent, asked of
 * identity on every request (never cached); a caseworker reads one named resident's records of one
 * agency, for a stated purpose and case; and each such release is recorded before it leaves.
 * A resident's own first-party reads pass through untouched.
 */
export function createReleaseControl(deps: { clients: ClientRegistry; identity: IdentityRecords }) {
  const { clients, identity } = deps;

  /** Whether any reachable field is a resident's record (protected by a scope). */
  const readsRecords = (rules: AccessRules, coordinates: readonly Coordinate[]) =>
    coordinates.some((c) => {
      const dot = c.indexOf('.');
      return (rules.field(c.slice(0, dot), c.slice(dot + 1))?.scopes.length ?? 0) > 0;
    });

  async function thirdParty(
    caller: Caller,
    rules: AccessRules,
    coordinates: readonly Coordinate[],
    queryHash: string,
  ): Promise<ReleasePlan> {
    const none = { ...caller, scopes: [] };
    if (caller.residentId === null || caller.clientId === null || !readsRecords(rules, coordinates))
      return {
        caller: none,
        refusal: consentRefusal('consent:none', null),
        refusalCovers: caller.scopes,
        recipient: null,
        preview: null,
      };
    let admission;
    try {
      admission = await identity.admitRelease(
        { residentId: caller.residentId, clientId: caller.clientId, operationHash: queryHash },
        caller.requestId,
      );
    } catch (error) {
      throw new ReleaseRecordsUnavailable('consent could not be checked', { cause: error });
    }
    if (!admission.allowed)
      return {
        caller: none,
        refusal: consentRefusal(admission.reason, admission.period),
        refusalCovers: caller.scopes,
        recipient: null,
        preview: null,
      };
    const granted = new Set(admission.scopes);
    return {
      caller: { ...caller, scopes: caller.scopes.filter((s) => granted.has(s)) },
      refusal: consentRefusal('consent:none', null),
      refusalCovers: caller.scopes,
      recipient: {
        residentId: caller.residentId,
        recipientKind: 'THIRD_PARTY',
        recipient: caller.clientId,
        purpose: admission.purpose,
        consentId: admission.grantId,
        caseReference: null,
      },
      preview: null,
    };
  }

  function staff(caller: Caller, op: Operation): ReleasePlan {
    const agencies = caller.scopes.map(staffAgencyOf).filter((a) => a !== null);
    const agency = agencies[0];
    // Without a case a caseworker reads no resident's records. The token's subject (the caseworker)
    // stays the caller only for mutations (reporting a correction); a query runs as nobody.
    const staffOnly = (message: string): ReleasePlan => ({
      caller: {
        ...caller,
        residentId:
          op.operation.operation === OperationTypeNode.MUTATION ? caller.residentId : null,
        scopes: agency && agencies.length === 1 ? [`${agency}:staff`] : [],
      },
      refusal: { code: 'STAFF_CASE_REQUIRED', reason: 'staff:case', message },
      refusalCovers: 'all',
      recipient: null,
      preview: null,
    });
    if (!agency || agencies.length !== 1 || caller.residentId === null)
      return staffOnly('A caseworker token must name exactly one agency’s staff scope.');
    const cases = residentCases(op);
    if (cases.length === 0)
      return staffOnly(
        `Read a resident’s ${agency.toUpperCase()} records through residentCase(residentId, purpose, caseReference).`,
      );
    const [theCase] = cases;
    if (cases.length > 1 || !theCase)
      return staffOnly('One case per request: use residentCase once.');
    return {
      // The case's resident stands in as the caller, so every agency's own check ("only the
      // resident's records") holds; the staff scope lets identity tell a caseworker apart.
      caller: {
        ...caller,
        residentId: theCase.residentId,
        scopes: [`${agency}:staff`, `${agency}:read`],
      },
      refusal: null,
      refusalCovers: [],
      recipient: {
        residentId: theCase.residentId,
        recipientKind: 'STAFF',
        recipient: `${agency} staff ${caller.residentId}`,
        purpose: theCase.purpose,
        consentId: null,
        caseReference: theCase.caseReference,
      },
      preview: null,
    };
  }

  return {
    /**
     * How the request runs; null for a resident's own first-party read (nothing to decide or
     * record). Throws ReleaseRecordsUnavailable when identity cannot be asked (fail-closed).
     */
    async plan(request: {
      caller: Caller;
      op: Operation;
      rules: AccessRules;
      coordinates: readonly Coordinate[];
      queryHash: string;
      previewId: string | null;
    }): Promise<ReleasePlan | null> {
      const { caller } = request;
      const kind = clients.find(caller.clientId)?.kind;
      if (kind === 'staff') return staff(caller, request.op);
      if (kind === 'third-party')
        return thirdParty(caller, request.rules, request.coordinates, request.queryHash);
      if (request.previewId === null || caller.residentId === null) return null;
      let target;
      try {
        target = await identity.beginConsentPreview(
          {
            id: request.previewId,
            residentId: caller.residentId,
            operationHash: request.queryHash,
          },
          caller.requestId,
        );
      } catch (error) {
        throw new ReleaseRecordsUnavailable('the consent request could not be read', {
          cause: error,
        });
      }
      if (!target) return null;
      // Exactly what the application would receive: its ceiling, cut to what it asked for.
      const ceiling = new Set<string>(clients.find(target.clientId)?.scopes ?? []);
      return {
        caller: { ...caller, scopes: target.scopes.filter((s) => ceiling.has(s)) },
        refusal: null,
        refusalCovers: [],
        recipient: null,
        preview: { id: request.previewId, clientId: target.clientId },
      };
    },

    /** Writes one disclosure record per agency whose records are in `released`; throws if it cannot. */
    async record(
      recipient: Recipient,
      released: ReadonlySet<Coordinate>,
      origins: FieldOrigins,
      requestId: string,
    ): Promise<number> {
      const byAgency = new Map<string, string[]>();
      for (const coordinate of released) {
        const agency = origins.agencyOf(coordinate) ?? 'unknown';
        byAgency.set(agency, [...(byAgency.get(agency) ?? []), coordinate]);
      }
      const releases: Release[] = [...byAgency].map(([agency, fields]) => ({
        ...recipient,
        agency,
        fields,
        requestId,
      }));
      try {
        await identity.recordDisclosures(releases, requestId);
      } catch (error) {
        throw new ReleaseRecordsUnavailable('the disclosure could not be recorded', {
          cause: error,
        });
      }
      return releases.length;
    },
  };
}

export type ReleaseControl = ReturnType<typeof createReleaseControl>;

const consentMessages: Record<string, string> = {
  'consent:none':
    'The resident has not given this application consent to read this. Ask with requestConsent.',
  'consent:paused': 'The resident paused this application’s consent.',
  'consent:expired': 'This application’s consent has expired. Ask the resident again.',
  'consent:revoked': 'The resident revoked this application’s consent.',
  'consent:operation':
    'The resident consented to another operation: send exactly the operation you asked consent for.',
  'consent:preview':
    'The resident asked to preview and approve each release; this one is not approved yet.',
};

function consentRefusal(reason: string, period: string | null): Refusal {
  if (reason === 'consent:fetch-limit')
    return {
      code: 'CONSENT_FETCH_LIMIT',
      reason,
      message: `The resident’s consent allows no more fetches this ${(period ?? 'period').toLowerCase()}.`,
    };
  return {
    code: 'CONSENT_REQUIRED',
    reason,
    message: consentMessages[reason] ?? consentMessages['consent:none'] ?? '',
  };
}

/** The `residentCase` root fields of a query, with their arguments as the variables give them. */
function residentCases(
  op: Operation,
): { residentId: string; purpose: string; caseReference: string }[] {
  if (op.operation.operation !== OperationTypeNode.QUERY) return [];
  const root = rootType(op);
  const definition = root.getFields()[RESIDENT_CASE_FIELD];
  if (!definition) return [];
  const fields = collectFields(
    op.schema,
    op.fragments,
    op.variables,
    root,
    op.operation.selectionSet,
  );
  const nodes: FieldNode[] = [...fields.values()].flatMap((list) =>
    list.filter((node) => node.kind === Kind.FIELD && node.name.value === RESIDENT_CASE_FIELD),
  );
  return nodes.map((node) => {
    const args = getArgumentValues(definition, node, op.variables);
    return {
      residentId: String(args['residentId']),
      purpose: String(args['purpose']),
      caseReference: String(args['caseReference']),
    };
  });
}
