// The life-event workload's subgraphs "from memory": one process, one port, `/<name>/graphql` in
// front of each real agency subgraph. Each distinct request (subgraph, query, variables) is sent to
// the agency once, with the gateway's caller token, and its answer's bytes are reused after, so the
// gateway under test sets the pace, as the public workload's subgraphs let it. Every request's
// answer is still the agency's own (checked against the baseline's by the bench).
// GET /metrics counts the requests each subgraph path received (`graphql_requests_total`).
// Run by `npm run bench:gateway`:
//   node --import tsx scripts/bench/memoizing-subgraphs.ts '{"ssa":"http://127.0.0.1:…/graphql",…}'
import { CALLER_HEADER } from '@resident-graph/caller';
import { decodeJwt } from 'jose';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { canonicalJson } from './canonical-json.js';

interface Answer {
  status: number;
  contentType: string;
  body: Buffer;
}

const targets = new Map(
  Object.entries(JSON.parse(process.argv[2] ?? '{}') as Record<string, string>),
);
if (targets.size === 0) throw new Error('usage: memoizing-subgraphs.ts <{"name": "url"} JSON>');
const answers = new Map<string, Answer>();
const received = new Map<string, number>([...targets.keys()].map((name) => [name, 0]));

/** The claims of the caller token an agency's answer depends on (`me` is the caller's resident). */
const CALLER_CLAIMS = ['sub', 'client_id', 'scope', 'acr', 'auth_error'] as const;

/**
 * What the agency answers depends on: the operation, its variables (whatever their key order) and
 * who is asking, from the caller token's claims (not the token itself: each gateway signs its own).
 * Undefined for a mutation, which is always sent on.
 */
function memoKey(name: string, req: IncomingMessage, body: string): string | undefined {
  const { query, variables } = JSON.parse(body) as { query?: unknown; variables?: unknown };
  if (typeof query === 'string' && /^\s*mutation\b/.test(query)) return undefined;
  const token = req.headers[CALLER_HEADER];
  const claims = typeof token === 'string' ? decodeJwt(token) : {};
  const caller = Object.fromEntries(CALLER_CLAIMS.map((claim) => [claim, claims[claim] ?? null]));
  return `${name}\n${canonicalJson({ query, variables, caller })}`;
}

/** Headers passed on to the agency: the caller token, the request id, the content type. */
function forwardedHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers))
    if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name))
      headers[name] = value;
  return headers;
}

async function answerFor(name: string, req: IncomingMessage, body: string): Promise<Answer> {
  const key = memoKey(name, req, body);
  const known = key === undefined ? undefined : answers.get(key);
  if (known) return known;
  const response = await fetch(targets.get(name)!, {
    method: 'POST',
    headers: forwardedHeaders(req),
    body,
  });
  const answer = {
    status: response.status,
    contentType: response.headers.get('content-type') ?? 'application/json',
    body: Buffer.from(await response.arrayBuffer()),
  };
  // Only answers: a refusal or an outage is passed on, never remembered.
  if (key !== undefined && answer.status === 200) answers.set(key, answer);
  return answer;
}

const server = createServer((req, res) => {
  const name = /^\/([^/]+)\/graphql$/.exec(req.url ?? '')?.[1];
  if (req.method === 'GET' && req.url === '/metrics') {
    res.setHeader('content-type', 'text/plain');
    res.end(
      [...received]
        .map(([subgraph, n]) => `graphql_requests_total{subgraph="${subgraph}"} ${n}\n`)
        .join(''),
    );
    return;
  }
  if (req.method !== 'POST' || name === undefined || !targets.has(name)) {
    res.statusCode = 404;
    res.end();
    return;
  }
  received.set(name, received.get(name)! + 1);
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.once('end', () => {
    answerFor(name, req, Buffer.concat(chunks).toString('utf8')).then(
      (answer) => {
        res.writeHead(answer.status, {
          'content-type': answer.contentType,
          'content-length': String(answer.body.length),
        });
        res.end(answer.body);
      },
      (error: unknown) => {
        res.statusCode = 502;
        res.end(String(error));
      },
    );
  });
});
// Longer than any gateway keeps an idle connection, as the real subgraphs do, and the headers
// timeout longer still: with Node's default 60 s it closes a connection idle that long, which a
// plain @apollo/gateway reused after the other gateways' rounds ("socket hang up").
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ ready: `http://127.0.0.1:${port}` });
});
process.on('disconnect', () => process.exit(0));
