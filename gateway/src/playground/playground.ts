import {
  IDE_ASSETS_PATH,
  type DevPersona,
  type IdeConfig,
  type IdeExample,
} from '@resident-graph/ide';
import express, { type Request, type RequestHandler, type Router } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDE_SECURITY_HEADERS } from './content-security-policy.js';
import { renderIdePage } from './ide-page.js';

/** Where the IDE asks for a persona's token (development only). */
export const DEV_SIGN_IN_PATH = `${IDE_ASSETS_PATH}sign-in`;

export interface PlaygroundOptions {
  /** The built IDE: index.html and assets/ (`npm run build:ide` writes ide/dist). */
  assetsDir: string;
  /** Operations opened as tabs, in order (the life-event examples). */
  examples: readonly IdeExample[];
  /**
   * Development sign-in: the personas and a function that issues an access token for one (from the
   * development issuer), or null for an unknown handle. Leave unset outside development.
   */
  devSignIn?: {
    personas: readonly DevPersona[];
    issueToken(handle: string): Promise<string | null>;
  };
}

/**
 * Apollo's rule for its landing page: a GET whose Accept header prefers HTML over the GraphQL media
 * types is a browser opening the URL. Everything else (clients, curl) goes on to GraphQL, where
 * Apollo's CSRF prevention still applies.
 */
function prefersHtml(req: Request): boolean {
  return (
    req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) ===
    'text/html'
  );
}

const withSecurityHeaders: RequestHandler = (_req, res, next) => {
  res.set(IDE_SECURITY_HEADERS);
  next();
};

/** An error answer shaped like the gateway's others (see docs/errors.md). */
const errorBody = (message: string) => ({
  errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }],
});

/**
 * The browser IDE: `GET /graphql` from a browser answers the page, `/ide/assets/*` its files, and in
 * development `POST /ide/sign-in` issues persona tokens. Throws when the IDE has not been built, so a
 * gateway configured to serve it fails at start rather than at the first visit.
 */
export function createPlaygroundRouter(options: PlaygroundOptions): Router {
  const indexFile = join(options.assetsDir, 'index.html');
  if (!existsSync(indexFile)) {
    throw new Error(`the IDE is not built (no ${indexFile}); run \`npm run build:ide\``);
  }
  const config: IdeConfig = {
    endpoint: '/graphql',
    examples: options.examples,
    devSignIn: options.devSignIn
      ? { tokenPath: DEV_SIGN_IN_PATH, personas: options.devSignIn.personas }
      : null,
  };
  const page = renderIdePage(readFileSync(indexFile, 'utf8'), config);

  const router = express.Router();
  router.get('/graphql', (req, res, next) => {
    if (!prefersHtml(req)) {
      next();
      return;
    }
    res.set(IDE_SECURITY_HEADERS).set('cache-control', 'no-store').type('html').send(page);
  });
  router.use(
    `${IDE_ASSETS_PATH}assets`,
    withSecurityHeaders,
    // File names carry a content hash, so they never change under the same URL.
    express.static(join(options.assetsDir, 'assets'), {
      index: false,
      immutable: true,
      maxAge: '365d',
      dotfiles: 'deny',
    }),
  );

  const devSignIn = options.devSignIn;
  if (devSignIn) {
    router.post(DEV_SIGN_IN_PATH, express.json({ limit: '1kb' }), (req, res, next) => {
      // Another site's page cannot ask for a token: browsers say where a request comes from, and a
      // cross-site JSON POST would need a CORS preflight that this endpoint never grants.
      const site = req.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin') {
        res.status(403).json(errorBody('Sign in from the IDE served by this gateway.'));
        return;
      }
      const persona = (req.body as { persona?: unknown } | undefined)?.persona;
      if (!req.is('application/json') || typeof persona !== 'string') {
        res.status(400).json(errorBody('POST JSON such as {"persona": "ava"}.'));
        return;
      }
      devSignIn.issueToken(persona).then((token) => {
        if (token === null) {
          const known = devSignIn.personas.map((p) => p.handle).join(', ');
          res.status(400).json(errorBody(`Unknown persona "${persona}"; one of: ${known}.`));
          return;
        }
        res.set('cache-control', 'no-store').json({ token });
      }, next);
    });
  }
  return router;
}
