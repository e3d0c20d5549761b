import type { Caller } from '@resident-graph/caller';
import type { Logger } from '@resident-graph/logging';

/** Per-request context of the gateway; subgraph data sources read the verified caller from it. */
export type GatewayContext = {
  /**
   * Who is asking, as verified from the client's access token (anonymous when there was none);
   * before planning, the consent and staff checks narrow it to what subgraphs may serve
   * (privacy/release-control.ts).
   */
  caller: Caller;
  readonly requestId: string;
  /** The gateway logger with this request's id on every line. */
  readonly logger: Logger;
  /**
   * Caller tokens already signed during this request, by subgraph: a query plan can call one subgraph
   * several times, and one token per subgraph per request is enough. Never outlives the request.
   */
  readonly callerTokens: Map<string, Promise<string>>;
  /**
   * Set once this request's answer was recorded as a disclosure of the resident's records: the
   * resident's cached answers (their disclosure log among them) are then out of date.
   */
  disclosed: boolean;
};
