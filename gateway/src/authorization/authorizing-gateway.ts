import type {
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
} from '@apollo/server-gateway-interface';
import type { AccessRules, Refusal } from '@resident-graph/authorization';
import { createHash } from 'node:crypto';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context.js';
import { fieldOrigins, type FieldOrigins } from '../privacy/field-origins.js';
import {
  ReleaseRecordsUnavailable,
  type ReleaseControl,
  type ReleasePlan,
} from '../privacy/release-control.js';
import { fillRefused, type Path } from './fill-refused.js';
import { filterOperation } from './filter-operation.js';
import { operationOf, reachableCoordinates, refusalsFor, type Coordinate } from './refusals.js';

export interface AuthorizingGatewayOptions {
  /** The gateway that plans and executes (an `ApolloGateway`). */
  inner: GatewayInterface;
  /**
   * The access rules of the supergraph a schema was loaded from; undefined for a schema this
   * gateway did not load (then every request fails closed).
   */
  rulesFor: (coreSupergraphSdl: string) => AccessRules | undefined;
  /** Filtered documents kept, by operation and refused fields. Default 1000. */
  filteredDocumentCacheSize?: number;
  /**
   * Consent, staff cases and the disclosure log (docs/privacy.md). Default none: every caller is
   * treated as the resident's own app (tests of the rules alone).
   */
  releases?: ReleaseControl;
}

/** `extensions.consentPreview` of a request: the consent request (or grant) a resident previews. */
export const CONSENT_PREVIEW_EXTENSION = 'consentPreview';

/**
 * Enforces the supergraph's access rules before anything is fetched, the way Apollo Router's
 * authorization does: per request, the fields the caller may not read are taken out of the
 * operation, the rest is planned and executed by `@apollo/gateway`, and each refused field comes back
 * as null with UNAUTHENTICATED or FORBIDDEN at its path. Plans are cached by the operation and the
 * set of refused fields (never by caller), and an operation the caller may read in full goes through
 * untouched.
 */
export function createAuthorizingGateway(options: AuthorizingGatewayOptions): GatewayInterface {
  const { inner, rulesFor } = options;
  const rulesBySchema = new WeakMap<GraphQLSchema, AccessRules>();
  const originsBySchema = new WeakMap<GraphQLSchema, FieldOrigins>();
  const filtered = new BoundedMap<string, DocumentNode>(options.filteredDocumentCacheSize ?? 1000);

  inner.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
    const rules = rulesFor(coreSupergraphSdl);
    if (rules) rulesBySchema.set(apiSchema, rules);
    originsBySchema.set(apiSchema, fieldOrigins(coreSupergraphSdl));
  });

  const authorize =
    (execute: GatewayExecutor): GatewayExecutor =>
    async (requestContext) => {
      const rules = rulesBySchema.get(requestContext.schema);
      if (!rules) throw new Error('no access rules for the schema this request runs on');
      // Apollo Server leaves resolving the operation to the gateway, which throws a bare error (a 500).
      if (!(requestContext.operation as typeof requestContext.operation | undefined)) {
        return { errors: [operationResolutionFailure(requestContext.request.operationName)] };
      }
      const context = requestContext.context as GatewayContext;
      const op = operationOf(
        requestContext.schema,
        requestContext.document,
        requestContext.operation,
        requestContext.request.variables,
      );
      const coordinates = reachableCoordinates(requestContext.document, op);
      const previewId = previewIdOf(requestContext.request.extensions);
      let plan: ReleasePlan | null = null;
      if (options.releases) {
        try {
          plan = await options.releases.plan({
            caller: context.caller,
            op,
            rules,
            coordinates,
            queryHash: requestContext.queryHash,
            previewId,
          });
        } catch (error) {
          if (!(error instanceof ReleaseRecordsUnavailable)) throw error;
          context.logger.error({ err: error }, 'privacy records unavailable: nothing released');
          return { errors: [disclosureNotRecorded()] };
        }
      }
      if (previewId !== null && !plan?.preview) return { errors: [noSuchPreview()] };
      // Subgraphs get their caller tokens from the context: the narrowed caller from here on.
      if (plan) context.caller = plan.caller;
      let refused = refusalsFor(context.caller, rules, coordinates);
      if (plan?.refusal) refused = explained(refused, plan.refusal, plan.refusalCovers);
      if (refused.size === 0 && !plan) return execute(requestContext);

      const refusedKey = [...refused.keys()].join(' ');
      // The filtered document holds only the operation asked for: a document with several
      // operations gets one filtered document per operation.
      const queryHash = createHash('sha256')
        .update(requestContext.queryHash)
        .update('\n')
        .update(requestContext.operationName ?? '')
        .update('\n')
        .update(refusedKey)
        .digest('hex');
      let document = filtered.get(queryHash);
      if (!document) {
        document = filterOperation(
          requestContext.schema,
          requestContext.document,
          requestContext.operationName,
          new Set(refused.keys()),
        );
        filtered.set(queryHash, document);
      }
      const narrowed: GatewayGraphQLRequestContext = { ...requestContext, document, queryHash };
      const result = await execute(narrowed);
      if (!result.data) return result;
      // What the answer releases matters only to record a disclosure or label a preview; a
      // resident's own read with refused fields skips the bookkeeping.
      const values: { coordinate: Coordinate; path: Path }[] = [];
      const filled = fillRefused(
        op,
        result.data,
        refused,
        plan?.recipient || plan?.preview
          ? (coordinate, path) => values.push({ coordinate, path })
          : undefined,
      );
      const released = releasedRecords(values, rules);
      const origins = originsBySchema.get(requestContext.schema) ?? unknownOrigins;
      if (plan?.recipient && released.size > 0 && options.releases) {
        try {
          await options.releases.record(
            plan.recipient,
            new Set(released.keys()),
            origins,
            context.requestId,
          );
          context.disclosed = true;
        } catch (error) {
          if (!(error instanceof ReleaseRecordsUnavailable)) throw error;
          context.logger.error({ err: error }, 'disclosure not recorded: nothing released');
          return { errors: [disclosureNotRecorded()] };
        }
      }
      const errors = [...(result.errors ?? []), ...filled.errors];
      return {
        ...result,
        data: filled.data,
        ...(errors.length > 0 ? { errors } : { errors: undefined }),
        ...(plan?.preview
          ? {
              extensions: {
                ...result.extensions,
                [CONSENT_PREVIEW_EXTENSION]: consentPreview(plan.preview, released, origins),
              },
            }
          : {}),
      };
    };

  return {
    onSchemaLoadOrUpdate: (callback) => inner.onSchemaLoadOrUpdate(callback),
    async load(loadOptions) {
      const { executor } = await inner.load(loadOptions);
      return { executor: executor && authorize(executor) };
    },
    stop: () => inner.stop(),
  };
}

/**
 * What an answer releases of residents' records: every field with a value that a scope protects,
 * and every field with a value beneath one (the details of a protected record), by coordinate.
 */
function releasedRecords(
  values: readonly { coordinate: Coordinate; path: Path }[],
  rules: AccessRules,
): Map<Coordinate, Path[]> {
  const isRecord = (coordinate: Coordinate) => {
    const dot = coordinate.indexOf('.');
    return (
      (rules.field(coordinate.slice(0, dot), coordinate.slice(dot + 1))?.scopes.length ?? 0) > 0
    );
  };
  const recordPaths = new Set(
    values.filter((v) => isRecord(v.coordinate)).map((v) => v.path.join('.')),
  );
  const beneathRecord = (path: Path) =>
    path.some((_, i) => recordPaths.has(path.slice(0, i + 1).join('.')));
  const released = new Map<Coordinate, Path[]>();
  for (const { coordinate, path } of values) {
    if (!beneathRecord(path)) continue;
    released.set(coordinate, [...(released.get(coordinate) ?? []), path]);
  }
  return released;
}

/** What the resident previewing a consent request sees beside the data: each value's origin. */
function consentPreview(
  preview: { id: string; clientId: string },
  released: ReadonlyMap<Coordinate, Path[]>,
  origins: FieldOrigins,
) {
  return {
    id: preview.id,
    clientId: preview.clientId,
    values: [...released].flatMap(([field, paths]) =>
      paths.map((path) => ({
        path,
        field,
        agency: origins.agencyOf(field) ?? 'unknown',
        source: origins.sourceOf(field),
      })),
    ),
  };
}

const unknownOrigins: FieldOrigins = {
  agencyOf: () => undefined,
  sourceOf: () => 'AGENCY_VERIFIED',
};

/** A scope refusal, said the way this caller can act on it (consent, a staff case). */
function explained(
  refused: Map<Coordinate, Refusal>,
  instead: Refusal,
  covers: readonly string[] | 'all',
): Map<Coordinate, Refusal> {
  const covered = (refusal: Refusal) =>
    covers === 'all' ||
    (refusal.code === 'FORBIDDEN' &&
      refusal.reason.startsWith('scope:') &&
      refusal.reason
        .slice('scope:'.length)
        .split(',')
        .every((scope) => covers.includes(scope)));
  return new Map(
    [...refused].map(([coordinate, refusal]) => [coordinate, covered(refusal) ? instead : refusal]),
  );
}

function previewIdOf(extensions: Record<string, unknown> | undefined): string | null {
  const value = extensions?.[CONSENT_PREVIEW_EXTENSION];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function disclosureNotRecorded(): GraphQLError {
  return new GraphQLError(
    'Nothing was released: the record of this disclosure could not be written. Retry later.',
    { extensions: { code: 'DISCLOSURE_NOT_RECORDED' } },
  );
}

function noSuchPreview(): GraphQLError {
  return new GraphQLError(
    'No pending consent request (or consent awaiting a release preview) of yours has this id and this exact operation.',
    { extensions: { code: 'BAD_USER_INPUT' } },
  );
}

function operationResolutionFailure(operationName: string | undefined): GraphQLError {
  return new GraphQLError(
    operationName
      ? `The document has no operation named "${operationName}".`
      : 'The document has several operations: say which one to run with operationName.',
    { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } },
  );
}

/** A Map that forgets its oldest entry beyond `limit`. */
class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }
  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.limit) {
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return super.set(key, value);
  }
}
