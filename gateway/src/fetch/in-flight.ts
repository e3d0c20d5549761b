import { callerIdentityKey, type Caller } from '@resident-graph/caller';

interface InFlight<Response> {
  readonly answer: Promise<Response>;
  /** Requests that joined after the first; when any did, every one gets its own copy. */
  followers: number;
}

/**
 * Identical query fetches to one subgraph that are in flight at the same time, for the same
 * caller, are sent once. "The same caller" is everything the subgraph decides on (resident,
 * client, scopes, assurance, why a token was refused): two residents never share a fetch, however
 * alike their queries. Mutations never come here (see CallerTokenDataSource).
 */
export class InFlightFetches<Response> {
  private readonly inFlight = new Map<string, InFlight<Response>>();

  /**
   * @param copy a deep copy of an answer: the gateway merges answers into the response in place,
   * so an answer shared by several requests is copied for each.
   */
  constructor(private readonly copy: (answer: Response) => Response) {}

  /**
   * Runs `fetch` for `request` (the body sent to the subgraph), or joins the identical one in
   * flight: then `joined.now` is told at once, and `joined.answered` gets the shared answer (to
   * apply what the first fetch applied to its own request, such as the cache policy).
   */
  async run(
    caller: Caller,
    request: string,
    fetch: () => Promise<Response>,
    joined: { now?(): void; answered?(answer: Response): void } = {},
  ): Promise<Response> {
    const key = fetchKey(caller, request);
    const existing = this.inFlight.get(key);
    if (existing) {
      existing.followers++;
      joined.now?.();
      const answer = await existing.answer;
      joined.answered?.(answer);
      return this.copy(answer);
    }
    const entry: InFlight<Response> = { answer: fetch(), followers: 0 };
    this.inFlight.set(key, entry);
    try {
      const answer = await entry.answer;
      return entry.followers > 0 ? this.copy(answer) : answer;
    } finally {
      this.inFlight.delete(key);
    }
  }
}

/**
 * The caller's identity (computed once per request), then the request body as sent (query,
 * variables, operation name). Kept as text, not hashed: the key lives only while the fetch is in
 * flight, and the body is serialized for sending anyway, where hashing it cost a second
 * serialization and a SHA-256 per fetch.
 */
const fetchKey = (caller: Caller, request: string): string =>
  `${callerIdentityKey(caller)}\n${request}`;
