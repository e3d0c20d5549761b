import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** One request the proxy passed on: the GraphQL operation the gateway sent a subgraph. */
export interface RecordedRequest {
  readonly query: string;
  readonly variables: Record<string, unknown> | undefined;
}

export interface RecordingProxy {
  /** Where to send requests instead of the target (same path). */
  readonly url: string;
  /** Every request so far, oldest first. */
  readonly requests: readonly RecordedRequest[];
  clear(): void;
  /** Sends what follows to another address (a restarted subgraph). */
  setUpstream(url: string): void;
  stop(): Promise<void>;
}

/**
 * A pass-through HTTP proxy in front of one subgraph that remembers each GraphQL request, so a test
 * can prove what the gateway did (and did not) ask an agency for. Bodies and statuses pass unchanged.
 */
export async function startRecordingProxy(targetUrl: string): Promise<RecordingProxy> {
  let target = new URL(targetUrl);
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      try {
        const parsed = JSON.parse(body.toString('utf8')) as RecordedRequest;
        requests.push({ query: parsed.query, variables: parsed.variables });
      } catch {
        requests.push({ query: '', variables: undefined });
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string' && name !== 'host' && name !== 'content-length')
          headers.set(name, value);
      }
      const upstream = await fetch(new URL(req.url ?? '/', target), {
        method: req.method ?? 'POST',
        headers,
        ...(body.length > 0 ? { body } : {}),
      });
      res.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'application/json',
      });
      // Streamed, so whatever the upstream does mid-body (a fault proxy hanging after headers)
      // reaches the gateway as it happened.
      if (upstream.body) {
        await pipeline(Readable.fromWeb(upstream.body), res);
      } else {
        res.end();
      }
    })().catch(() => {
      if (res.headersSent) res.destroy();
      else res.writeHead(502).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    requests,
    clear: () => void requests.splice(0),
    setUpstream: (url) => {
      target = new URL(url);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
