import { GATEWAY_SERVICE_SCOPE } from '@resident-graph/authorization';
import { CALLER_HEADER, REQUEST_ID_HEADER } from '@resident-graph/caller';
import { injectTraceContext } from '@resident-graph/observability';
import type { CallerTokens } from '../auth/caller-tokens.js';

/** The client id the gateway's own calls carry, for identity's logs. */
const GATEWAY_CLIENT_ID = 'resident-graph-gateway';

export interface Release {
  residentId: string;
  agency: string;
  fields: string[];
  recipientKind: 'THIRD_PARTY' | 'STAFF';
  recipient: string;
  purpose: string;
  consentId: string | null;
  caseReference: string | null;
  requestId: string;
}

export type Admission =
  | { allowed: true; grantId: string; scopes: string[]; purpose: string }
  | { allowed: false; reason: string; period: string | null };

/** Identity's consent decisions and disclosure log, as the gateway reaches them. */
export interface IdentityRecords {
  /** Decides (and counts) one release to an application; never cached. */
  admitRelease(
    release: { residentId: string; clientId: string; operationHash: string },
    requestId: string,
  ): Promise<Admission>;
  /** Appends the records; resolves only once they are written. */
  recordDisclosures(releases: readonly Release[], requestId: string): Promise<void>;
  /** The resident previews request (or grant) `id` with this operation; null when they may not. */
  beginConsentPreview(
    preview: { id: string; residentId: string; operationHash: string },
    requestId: string,
  ): Promise<{ clientId: string; scopes: string[] } | null>;
}

export class IdentityRecordsError extends Error {
  override name = 'IdentityRecordsError';
}

/**
 * Calls identity's gateway-only operations (`@inaccessible` in the supergraph, so no client can)
 * over HTTP with a caller token holding GATEWAY_SERVICE_SCOPE. Any failure is an
 * IdentityRecordsError: the caller must then release nothing (fail-closed).
 */
export function createIdentityRecords(options: {
  /** Identity's `/graphql` URL. */
  url: string;
  /** Signs (and reuses) the caller tokens, as for every other subgraph fetch. */
  callerTokens: CallerTokens;
  /** Per call, in milliseconds. */
  timeoutMs: number;
}): IdentityRecords {
  const call = async <T>(
    query: string,
    variables: Record<string, unknown>,
    residentId: string,
    requestId: string,
  ): Promise<T> => {
    const token = await options.callerTokens.tokenFor(
      {
        residentId,
        clientId: GATEWAY_CLIENT_ID,
        scopes: [GATEWAY_SERVICE_SCOPE],
        assurance: null,
        requestId,
        authError: null,
      },
      'identity',
    );
    const headers = new Headers({
      'content-type': 'application/json',
      [CALLER_HEADER]: token,
      [REQUEST_ID_HEADER]: requestId,
    });
    injectTraceContext(headers);
    let body: { data?: Record<string, unknown> | null; errors?: { message: string }[] };
    try {
      const response = await fetch(options.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      body = (await response.json()) as typeof body;
    } catch (error) {
      throw new IdentityRecordsError(`identity unreachable: ${(error as Error).message}`, {
        cause: error,
      });
    }
    if (body.errors?.length || !body.data)
      throw new IdentityRecordsError(
        `identity refused: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`,
      );
    return body.data as T;
  };

  return {
    async admitRelease(release, requestId) {
      const { admitRelease: admission } = await call<{
        admitRelease: {
          allowed: boolean;
          reason: string | null;
          period: string | null;
          grantId: string | null;
          scopes: string[];
          purpose: string | null;
        };
      }>(
        `mutation AdmitRelease($residentId: ID!, $clientId: String!, $operationHash: String!) {
          admitRelease(residentId: $residentId, clientId: $clientId, operationHash: $operationHash) {
            allowed reason period grantId scopes purpose
          }
        }`,
        release,
        release.residentId,
        requestId,
      );
      return admission.allowed && admission.grantId && admission.purpose
        ? {
            allowed: true,
            grantId: admission.grantId,
            scopes: admission.scopes,
            purpose: admission.purpose,
          }
        : {
            allowed: false,
            reason: admission.reason ?? 'consent:none',
            period: admission.period,
          };
    },
    async recordDisclosures(releases, requestId) {
      const first = releases[0];
      if (!first) return;
      await call(
        `mutation RecordDisclosures($releases: [ReleaseInput!]!) {
          recordDisclosures(releases: $releases)
        }`,
        { releases },
        first.residentId,
        requestId,
      );
    },
    async beginConsentPreview(preview, requestId) {
      const { beginConsentPreview: target } = await call<{
        beginConsentPreview: { clientId: string; scopes: string[] } | null;
      }>(
        `mutation BeginConsentPreview($id: ID!, $residentId: ID!, $operationHash: String!) {
          beginConsentPreview(id: $id, residentId: $residentId, operationHash: $operationHash) {
            clientId scopes
          }
        }`,
        preview,
        preview.residentId,
        requestId,
      );
      return target;
    },
  };
}
