import { request as httpRequest, createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does with the next requests:
 * - `pass`: forward to the upstream (and if the upstream refuses the connection, drop the client's
 *   connection, as a dead host behind a TCP proxy would);
 * - `refuse`: drop the connection without answering;
 * - `delay`: forward after `delayMs`;
 * - `status`: answer `status` with a plain-text body, never reaching the upstream;
 * - `malformed-json`: 200, `application/json`, a body that is not JSON;
 * - `wrong-shape`: 200 with JSON that is not a GraphQL result;
 * - `hang-after-headers`: 200 headers and the start of a body, then nothing, ever.
 */
export type Fault =
  | { kind: 'pass' }
  | { kind: 'refuse' }
  | { kind: 'delay'; delayMs: number }
  | { kind: 'status'; status: number }
  | { kind: 'malformed-json' }
  | { kind: 'wrong-shape' }
  | { kind: 'hang-after-headers' };

export interface FaultProxy {
  /** The proxy's `/graphql` URL: give it to the gateway in place of the subgraph's. */
  readonly url: string;
  /** Requests that reached the proxy so far. */
  readonly requests: () => number;
  setFault(fault: Fault): void;
  /** Points the proxy at another upstream (a restarted subgraph on a new port). */
  setUpstream(url: string): void;
  stop(): Promise<void>;
}

/**
 * A small HTTP proxy in front of a real subgraph that breaks its answers on demand, so tests see how
 * the gateway copes with each way an agency can fail, over real sockets.
 */
export async function startFaultProxy(upstreamUrl: string): Promise<FaultProxy> {
  let upstream = new URL(upstreamUrl);
  let fault: Fault = { kind: 'pass' };
  let count = 0;
  const timers = new Set<NodeJS.Timeout>();

  const forward = (req: IncomingMessage, res: import('node:http').ServerResponse) => {
    const outgoing = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: upstream.pathname,
        method: req.method,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    outgoing.on('error', () => req.socket.destroy());
    req.pipe(outgoing);
  };

  const server: Server = createServer((req, res) => {
    count += 1;
    const current = fault;
    switch (current.kind) {
      case 'pass':
        return forward(req, res);
      case 'refuse':
        return void req.socket.destroy();
      case 'delay': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          forward(req, res);
        }, current.delayMs);
        timers.add(timer);
        return;
      }
      case 'status':
        res.writeHead(current.status, { 'content-type': 'text/plain' });
        return void res.end('Internal Server Error');
      case 'malformed-json':
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('{"data": {"_entities": [');
      case 'wrong-shape':
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ result: 'ok', items: [1, 2, 3] }));
      case 'hang-after-headers':
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.write('{"data": ');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${upstream.pathname}`,
    requests: () => count,
    setFault(next) {
      fault = next;
    },
    setUpstream(url) {
      upstream = new URL(url);
    },
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
