// The baseline of the life-event workload of `npm run bench:gateway`: a plain @apollo/gateway +
// @apollo/server with their defaults, plus the one thing our subgraphs require of any gateway: a
// caller token (x-resident-graph-caller) signed with the gateway's key for each subgraph. So it
// verifies the client's access token once per request (in the context, as any Apollo Server app
// would) and, in willSendRequest, signs a caller token for the subgraph, once per subgraph and
// request: the plain way to meet that requirement, and what our gateway did before it reused a
// caller's token across requests (one of its own optimizations, which this bench measures).
// Nothing else of ours: no client registry, limits, logs, masking, authorization, consent or
// response cache.
// Usage: baseline-caller-token-gateway.ts <supergraph file> <DATA_DIR with keys/> '<{"name":"url"}>'
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import {
  anonymousCaller,
  assuranceLevels,
  CALLER_HEADER,
  loadOrCreateSigningKeyFile,
  signCallerToken,
  REQUEST_ID_HEADER,
  type AssuranceLevel,
  type Caller,
  type SigningKey,
} from '@resident-graph/caller';
import { DEV_AUDIENCE, DEV_ISSUER, devIssuerJwksFile } from '@resident-graph/dev-issuer';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [supergraphPath, dataDir, urlsJson] = process.argv.slice(2);
if (!supergraphPath || !dataDir || !urlsJson)
  throw new Error('usage: baseline-caller-token-gateway.ts <supergraph> <data dir> <urls JSON>');
const subgraphUrls = JSON.parse(urlsJson) as Record<string, string>;
// The same key files our gateway and the subgraphs use (created by the bench before anything starts).
const signingKey = await loadOrCreateSigningKeyFile(
  join(dataDir, 'keys', 'gateway-caller.json'),
  'gateway-caller',
);
const issuerKeys = createLocalJWKSet(
  JSON.parse(readFileSync(devIssuerJwksFile(dataDir), 'utf8')) as JSONWebKeySet,
);

interface Context {
  caller: Caller;
  /** This request's caller token for each subgraph, signed on its first fetch there. */
  callerTokens: Map<string, Promise<string>>;
}

/** The client's bearer token as a Caller; anonymous when it is missing or does not verify. */
async function callerOf(authorization: string | undefined): Promise<Caller> {
  const requestId = randomUUID();
  const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) return anonymousCaller(requestId);
  try {
    const { payload } = await jwtVerify(token, issuerKeys, {
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    const { acr, scope, client_id: clientId } = payload;
    return {
      residentId: payload.sub ?? null,
      clientId: typeof clientId === 'string' ? clientId : null,
      scopes: typeof scope === 'string' ? scope.split(' ') : [],
      assurance: assuranceLevels.includes(acr as AssuranceLevel) ? (acr as AssuranceLevel) : null,
      requestId,
      authError: null,
    };
  } catch {
    return anonymousCaller(requestId, 'invalid access token');
  }
}

class CallerTokenSource extends RemoteGraphQLDataSource<Context> {
  constructor(
    url: string,
    private readonly subgraph: string,
    private readonly key: SigningKey,
  ) {
    super({ url });
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<Context>) {
    // Without a client request (never, with a static supergraph) the gateway speaks for itself.
    const context = 'incomingRequestContext' in options ? options.context : null;
    let token = context?.callerTokens.get(this.subgraph);
    if (!token) {
      token = signCallerToken(
        context?.caller ?? anonymousCaller('gateway'),
        this.key,
        this.subgraph,
      );
      context?.callerTokens.set(this.subgraph, token);
    }
    options.request.http?.headers.set(CALLER_HEADER, await token);
    options.request.http?.headers.set(REQUEST_ID_HEADER, context?.caller.requestId ?? 'gateway');
  }
}

const server = new ApolloServer<Context>({
  gateway: new ApolloGateway({
    supergraphSdl: readFileSync(supergraphPath, 'utf8'),
    buildService: ({ name, url }) =>
      new CallerTokenSource(subgraphUrls[name] ?? url ?? '', name, signingKey),
  }),
});
const { url } = await startStandaloneServer(server, {
  listen: { port: 0, host: '127.0.0.1' },
  context: async ({ req }) => ({
    caller: await callerOf(req.headers.authorization),
    callerTokens: new Map(),
  }),
});
process.send?.({ ready: url });
process.once('disconnect', () => process.exit(0));
