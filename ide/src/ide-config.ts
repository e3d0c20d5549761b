/**
 * What the gateway tells the IDE page about itself, embedded in the HTML as JSON (a data block, not a
 * script, so the Content-Security-Policy can forbid inline scripts). Shared by the server that writes
 * it and the browser code that reads it.
 */
export interface IdeConfig {
  /** Path of the GraphQL endpoint the IDE sends operations to (the page's own path, /graphql). */
  readonly endpoint: string;
  /** One tab per example operation, in this order. */
  readonly examples: readonly IdeExample[];
  /** Present only when the gateway runs with the development issuer: who the IDE can sign in as. */
  readonly devSignIn: DevSignInConfig | null;
}

export interface IdeExample {
  /** File the operation comes from, e.g. turning-65.graphql. */
  readonly name: string;
  readonly query: string;
}

export interface DevSignInConfig {
  /** POST `{ "persona": handle }` here (JSON) to get `{ token, residentId, expiresIn }`. */
  readonly tokenPath: string;
  readonly personas: readonly DevPersona[];
}

export interface DevPersona {
  readonly handle: string;
  readonly name: string;
  readonly scenario: string;
}

/** The id of the `<script type="application/json">` element that carries the IdeConfig. */
export const IDE_CONFIG_ELEMENT_ID = 'resident-graph-ide-config';
/** Where the gateway serves the built assets; Vite's `base`. */
export const IDE_ASSETS_PATH = '/ide/';
