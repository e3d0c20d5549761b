import { composeServices } from '@apollo/composition';
import { loadClientRegistry } from '@resident-graph/authorization';
import { generateSigningKey, type SigningKey } from '@resident-graph/caller';
import { IDE_CONFIG_ELEMENT_ID, type IdeConfig } from '@resident-graph/ide';
import { createLogger } from '@resident-graph/logging';
import { parse } from 'graphql';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessTokenVerifier } from '../auth/access-token.js';
import { createGateway, type Gateway } from '../gateway.js';
import { IDE_CONTENT_SECURITY_POLICY } from './content-security-policy.js';
import { personaSignIn } from './persona-sign-in.js';
import { DEV_SIGN_IN_PATH, type PlaygroundOptions } from './playground.js';

const ISSUER = 'https://issuer.test.resident-graph.invalid';
const AUDIENCE = 'resident-graph';
/** What a browser sends when the user opens a URL. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

const { supergraphSdl } = composeServices([
  {
    name: 'hello',
    url: 'http://127.0.0.1:9/graphql',
    typeDefs: parse('type Query { hello: String }'),
  },
]);

/** A stand-in for `npm run build:ide`'s output: the page with its placeholder and one asset. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-ide-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><!-- ide-config --><script type="module" src="/ide/assets/app-1234.js"></script></head><body></body></html>',
  );
  writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log("ide")');
  return dir;
}

/** The gateway's own verifier for tokens signed with `issuerKey`. */
const verifierFor = (issuerKey: SigningKey) =>
  createAccessTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwks: issuerKey.jwks });

async function startGateway(playground?: PlaygroundOptions, issuerKey?: SigningKey) {
  const key = issuerKey ?? (await generateSigningKey('test-issuer')).key;
  const verifyAccessToken = verifierFor(key);
  const gateway: Gateway = createGateway({
    supergraphSdl: supergraphSdl!,
    verifyAccessToken,
    clients: loadClientRegistry(
      fileURLToPath(new URL('../../../config/clients.json', import.meta.url)),
    ),
    callerSigningKey: (await generateSigningKey('test-gateway')).key,
    logger: createLogger('gateway', 'silent'),
    ...(playground ? { playground } : {}),
  });
  const url = await gateway.listen(0);
  return { gateway, url };
}

describe('the IDE at the graph’s URL', () => {
  const assetsDir = fakeBuild();
  let url: string;
  let gateway: Gateway;
  let verifyAccessToken: ReturnType<typeof createAccessTokenVerifier>;

  beforeAll(async () => {
    const issuerKey = (await generateSigningKey('test-issuer')).key;
    ({ gateway, url } = await startGateway({
      assetsDir,
      examples: [
        { name: 'tricky.graphql', query: '# </script><script>alert(1)</script>\n{ hello }' },
      ],
      devSignIn: personaSignIn(issuerKey, { issuer: ISSUER, audience: AUDIENCE }),
    }));
    // What a gateway trusting this issuer makes of the tokens the sign-in endpoint signs.
    verifyAccessToken = createAccessTokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      jwks: issuerKey.jwks,
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    rmSync(assetsDir, { recursive: true, force: true });
  });

  const signIn = (body: string, headers: Record<string, string> = {}) =>
    fetch(new URL(DEV_SIGN_IN_PATH, url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('answers a browser with the page, under the strict Content-Security-Policy', async () => {
    const response = await fetch(url, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(IDE_CONTENT_SECURITY_POLICY);
    expect(IDE_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(IDE_CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const page = await response.text();
    const block = new RegExp(
      `<script type="application/json" id="${IDE_CONFIG_ELEMENT_ID}">(.*?)</script>`,
    ).exec(page);
    expect(block).not.toBeNull();
    // An example's text cannot close the data block and inject markup …
    expect(block![1]).not.toContain('<');
    // … and still reaches the IDE intact.
    const config = JSON.parse(block![1]!) as IdeConfig;
    expect(config.examples[0]?.query).toContain('</script><script>alert(1)</script>');
    expect(config.devSignIn?.personas.map((p) => p.handle)).toEqual([
      'ava',
      'walter',
      'rosa',
      'nora',
      'marcus',
      'grace',
      'dana',
    ]);
  });

  it('leaves GraphQL clients to Apollo, whose CSRF prevention still refuses a simple GET', async () => {
    const query = `${url}?query=${encodeURIComponent('{ __typename }')}`;
    const simple = await fetch(query, { headers: { accept: 'application/json' } });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/);
    const preflighted = await fetch(query, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await preflighted.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('serves the built assets as immutable files, and nothing else under /ide', async () => {
    const asset = await fetch(new URL('/ide/assets/app-1234.js', url));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect(await asset.text()).toBe('console.log("ide")');
    const missing = await fetch(new URL('/ide/assets/nope.js', url));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/json/);
  });

  it('signs in as a persona with a token the gateway accepts', async () => {
    const response = await signIn('{"persona":"nora"}', { 'sec-fetch-site': 'same-origin' });
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    const caller = await verifyAccessToken(`Bearer ${token}`, 'test-request');
    expect(caller.residentId).toBe('rsd_nora');
    expect(caller.authError).toBeNull();
  });

  it('refuses an unknown persona, a body that is not JSON and another site’s page', async () => {
    const unknown = await signIn('{"persona":"mallory"}');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      errors: [
        {
          message: expect.stringMatching(/Unknown persona "mallory"/),
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
    const form = await fetch(new URL(DEV_SIGN_IN_PATH, url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'persona=ava',
    });
    expect(form.status).toBe(400);
    const crossSite = await signIn('{"persona":"ava"}', { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
  });
});

describe('without the IDE (production default)', () => {
  it('answers a browser with no page and offers no sign-in', async () => {
    const { gateway, url } = await startGateway();
    try {
      const page = await fetch(url, { headers: { accept: BROWSER_ACCEPT } });
      expect(page.headers.get('content-type')).not.toMatch(/html/);
      expect((await postSignIn(url)).status).toBe(404);
    } finally {
      await gateway.stop();
    }
  });

  it('refuses to start a gateway told to serve an IDE that was never built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'rg-ide-empty-'));
    try {
      await expect(startGateway({ assetsDir: empty, examples: [] })).rejects.toThrow(
        /npm run build:ide/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

const postSignIn = (url: string) =>
  fetch(new URL(DEV_SIGN_IN_PATH, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"persona":"ava"}',
  });
