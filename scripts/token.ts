// npm run token -- <persona handle | resident id> [--client id] [--scopes a,b] [--assurance VERIFIED] [--expires 1h]
// Prints a development access token for the gateway on stdout (and nothing else, so that
// `-H "authorization: Bearer $(npm run -s token -- ava)"` works). Uses the same DATA_DIR, issuer and
// audience as the gateway, creating the dev issuer key on first use.
import { assuranceLevels, type AssuranceLevel } from '@resident-graph/caller';
import { systemClock } from '@resident-graph/calendar';
import { ConfigError } from '@resident-graph/config';
import { ClientRegistryError, loadClientRegistry } from '@resident-graph/authorization';
import {
  DEV_CLIENT_ID,
  issueAccessToken,
  loadOrCreateDevIssuerKey,
} from '@resident-graph/dev-issuer';
import { findPersona, personaHandles } from '@resident-graph/personas';
import { parseArgs } from 'node:util';
import { loadGatewayConfig } from '../gateway/src/config.js';

const usage = `usage: npm run token -- <persona handle | resident id> [--client ID] [--scopes a,b] [--assurance LEVEL] [--expires 1h]
  personas:  ${personaHandles.join(' ')}
  resident:  an id such as rsd_ava
  --client:  a client in the client registry (default ${DEV_CLIENT_ID}); see config/clients.json
  --scopes:  comma-separated (default: every scope the client may hold)
  LEVEL:     ${assuranceLevels.join(' | ')} (default: the persona's own level, else VERIFIED)
  --expires: a duration such as 30m, 1h, 7d (default 1h)`;

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(1);
}

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      client: { type: 'string', default: DEV_CLIENT_ID },
      scopes: { type: 'string' },
      assurance: { type: 'string' },
      expires: { type: 'string', default: '1h' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  fail((error as Error).message);
}
if (args.values.help) {
  console.log(usage);
  process.exit(0);
}
const [who, ...extra] = args.positionals;
if (!who) fail('Say whose token to make.');
if (extra.length > 0) fail(`Unexpected arguments: ${extra.join(' ')}`);

let config;
try {
  config = loadGatewayConfig(process.env);
} catch (error) {
  fail(error instanceof ConfigError ? error.message : String(error));
}
if (!config.auth.devIssuer) {
  fail(
    'The gateway is configured for an external identity provider (AUTH_JWKS_URL); it will not accept dev tokens.',
  );
}

const persona = findPersona(systemClock(process.env['RG_TIME_ZONE']).today(), who);
if (!persona && !/^rsd_[A-Za-z0-9_-]+$/.test(who)) {
  fail(
    `"${who}" is neither a persona handle (${personaHandles.join(', ')}) nor a resident id (rsd_...).`,
  );
}

const assurance = args.values.assurance ?? persona?.identity.assurance ?? 'VERIFIED';
if (!assuranceLevels.includes(assurance as AssuranceLevel)) {
  fail(`Unknown assurance level "${assurance}"; expected one of ${assuranceLevels.join(', ')}.`);
}
if (!/^\d+ ?(s|sec|secs|m|min|mins|h|hr|hrs|d|day|days|w|week|weeks)$/.test(args.values.expires)) {
  fail(`--expires "${args.values.expires}" is not a duration such as 30m, 1h or 7d.`);
}

let client;
try {
  client = loadClientRegistry(config.clientRegistryFile).find(args.values.client);
} catch (error) {
  fail(error instanceof ClientRegistryError ? error.message : String(error));
}
if (!client)
  fail(`"${args.values.client}" is not in the client registry (${config.clientRegistryFile}).`);
// Scopes beyond the client's ceiling are allowed here on purpose: the gateway cuts them (try it).
const scopes =
  args.values.scopes
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean) ?? client.scopes;

const key = await loadOrCreateDevIssuerKey(config.dataDir);
const token = await issueAccessToken(key, {
  residentId: persona?.id ?? who,
  clientId: client.id,
  scopes,
  assurance: assurance as AssuranceLevel,
  expiresIn: args.values.expires,
  issuer: config.auth.issuer,
  audience: config.auth.audience,
});
console.log(token);
