import { ConfigError, logLevel, parseEnv, port, z } from '@resident-graph/config';
import { DEV_AUDIENCE, DEV_ISSUER, devIssuerJwksFile } from '@resident-graph/dev-issuer';
import { join, resolve } from 'node:path';

/** Every variable the gateway reads, with its default. Relative paths resolve from the working directory. */
const gatewayEnv = {
  /** Port to listen on (default 4000; 0 = any free port). */
  PORT: port(4000),
  /** Interface to bind (default 127.0.0.1; 0.0.0.0 in containers). */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** The composed supergraph SDL (default schema/supergraph.graphql, written by `npm run compose`). */
  SUPERGRAPH_PATH: z.string().min(1).default('schema/supergraph.graphql'),
  /** JSON object of subgraph name → URL, replacing the supergraph's URLs (default: use the supergraph's). */
  SUBGRAPH_URLS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return undefined;
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({
          code: 'custom',
          message: 'must be a JSON object such as {"ssa":"http://127.0.0.1:4103/graphql"}',
        });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string().min(1), z.url({ protocol: /^https?$/ })).optional()),
  /** How long to wait for one subgraph request, in milliseconds (default 10000). */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Expected `iss` of access tokens (default the development issuer, http://127.0.0.1/dev-issuer). */
  AUTH_ISSUER: z.url().optional(),
  /** Expected `aud` of access tokens (default resident-graph). */
  AUTH_AUDIENCE: z.string().min(1).default(DEV_AUDIENCE),
  /** The identity provider's JWKS URL (default unset: keys come from AUTH_JWKS_FILE). */
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The identity provider's JWKS as a file (default <DATA_DIR>/keys/dev-issuer.jwks.json). */
  AUTH_JWKS_FILE: z.string().min(1).optional(),
  /**
   * Development sign-in: on start, create the dev issuer key if missing (so `npm run token` and the
   * gateway agree) and the caller signing key if missing. Default true unless AUTH_JWKS_URL is set.
   */
  AUTH_DEV_ISSUER: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1')),
  /** Directory for local state such as development keys (default .data). */
  DATA_DIR: z.string().min(1).default('.data'),
  /**
   * Private JWK the gateway signs caller tokens with (default <DATA_DIR>/keys/gateway-caller.json).
   * Created on first start in development (AUTH_DEV_ISSUER); production mounts one from a secret store.
   */
  CALLER_SIGNING_KEY_FILE: z.string().min(1).optional(),
  /**
   * Serve the browser IDE (GraphiQL) at GET /graphql for browsers (default: on with the development
   * issuer, i.e. in development; off otherwise, so production turns it on only on purpose).
   */
  IDE_ENABLED: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1')),
  /** Folder of `*.graphql` operations the IDE opens as tabs (default examples). */
  IDE_EXAMPLES_DIR: z.string().min(1).default('examples'),
  /** pino log level (default info). */
  LOG_LEVEL: logLevel(),
};

export interface GatewayConfig {
  readonly port: number;
  readonly host: string;
  /** Absolute path of the supergraph SDL. */
  readonly supergraphPath: string;
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly subgraphTimeoutMs: number;
  readonly auth: {
    readonly issuer: string;
    readonly audience: string;
    /** Where the identity provider's public keys come from. */
    readonly jwks: { readonly url: string } | { readonly file: string };
    /** Whether to create the development issuer's key (and the caller key) when missing. */
    readonly devIssuer: boolean;
  };
  /** Absolute path of the local state directory. */
  readonly dataDir: string;
  /** Absolute path of the caller-token signing key (a private JWK). */
  readonly callerSigningKeyFile: string;
  readonly ide: {
    /** Whether GET /graphql from a browser answers the IDE. */
    readonly enabled: boolean;
    /** Absolute path of the folder of operations opened as tabs. */
    readonly examplesDir: string;
    /** Whether the IDE offers "sign in as" a persona (only with the development issuer). */
    readonly devSignIn: boolean;
  };
  readonly logLevel: string;
}

/**
 * Reads and checks the gateway's environment once. Throws ConfigError listing every problem, so a bad
 * deployment is fixed in one go. `cwd` anchors relative paths (default the process's).
 */
export function loadGatewayConfig(
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): GatewayConfig {
  const problems: string[] = [];
  let parsed: ReturnType<typeof parseEnv<typeof gatewayEnv>> | undefined;
  try {
    parsed = parseEnv('gateway', gatewayEnv, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  // Checked on the raw values too, so they are reported alongside any parse problems.
  if (env['AUTH_JWKS_URL'] && env['AUTH_JWKS_FILE']) {
    problems.push('AUTH_JWKS_URL and AUTH_JWKS_FILE: set one or the other, not both');
  }
  if (env['AUTH_JWKS_URL'] && !env['AUTH_ISSUER']) {
    problems.push(
      'AUTH_ISSUER: required when AUTH_JWKS_URL is set (the default is the development issuer)',
    );
  }
  if (
    env['AUTH_JWKS_URL'] &&
    (env['AUTH_DEV_ISSUER'] === 'true' || env['AUTH_DEV_ISSUER'] === '1')
  ) {
    problems.push(
      'AUTH_DEV_ISSUER: cannot be true when AUTH_JWKS_URL is set (dev tokens would never verify)',
    );
  }
  if (problems.length > 0 || !parsed) throw new ConfigError('gateway', problems);

  const dataDir = resolve(cwd, parsed.DATA_DIR);
  const devIssuer = parsed.AUTH_DEV_ISSUER ?? parsed.AUTH_JWKS_URL === undefined;
  const ideEnabled = parsed.IDE_ENABLED ?? devIssuer;
  return Object.freeze({
    port: parsed.PORT,
    host: parsed.HOST,
    supergraphPath: resolve(cwd, parsed.SUPERGRAPH_PATH),
    subgraphUrls: Object.freeze({ ...parsed.SUBGRAPH_URLS }),
    subgraphTimeoutMs: parsed.SUBGRAPH_TIMEOUT_MS,
    auth: Object.freeze({
      issuer: parsed.AUTH_ISSUER ?? DEV_ISSUER,
      audience: parsed.AUTH_AUDIENCE,
      jwks: Object.freeze(
        parsed.AUTH_JWKS_URL
          ? { url: parsed.AUTH_JWKS_URL }
          : {
              file: parsed.AUTH_JWKS_FILE
                ? resolve(cwd, parsed.AUTH_JWKS_FILE)
                : devIssuerJwksFile(dataDir),
            },
      ),
      devIssuer,
    }),
    dataDir,
    callerSigningKeyFile: parsed.CALLER_SIGNING_KEY_FILE
      ? resolve(cwd, parsed.CALLER_SIGNING_KEY_FILE)
      : join(dataDir, 'keys', 'gateway-caller.json'),
    ide: Object.freeze({
      enabled: ideEnabled,
      examplesDir: resolve(cwd, parsed.IDE_EXAMPLES_DIR),
      devSignIn: ideEnabled && devIssuer,
    }),
    logLevel: parsed.LOG_LEVEL,
  });
}
