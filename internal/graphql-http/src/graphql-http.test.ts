import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { answerFailure, isGraphQLPath } from './index.js';

describe('isGraphQLPath', () => {
  it('is /graphql with or without a trailing slash or a query string', () => {
    for (const url of ['/graphql', '/graphql/', '/graphql?query=x', '/graphql/?a=1'])
      expect(isGraphQLPath(url), url).toBe(true);
  });

  it('is nothing else, however close', () => {
    for (const url of [undefined, '', '/', '/graphqlx', '/graphql/x', '/ide/graphql', '/GRAPHQL'])
      expect(isGraphQLPath(url), String(url)).toBe(false);
  });
});

describe('answerFailure', () => {
  let server: Server | undefined;
  afterEach(
    () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  );

  type Logged = { details: { err: unknown }; message: string }[];

  /** A server whose every answer is `respond`'s; returns its URL and what it logged. */
  const serve = async (respond: (res: ServerResponse, log: Logged) => void) => {
    const logged: Logged = [];
    server = createServer((_req, res) => respond(res, logged));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}/graphql`, logged };
  };
  const logTo = (logged: Logged) => ({
    error: (details: { err: unknown }, message: string) => logged.push({ details, message }),
  });

  it("answers a client's error with its status and code, and logs nothing", async () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413 });
    const { url, logged } = await serve((res, log) => answerFailure(res, tooLarge, logTo(log)));
    const response = await fetch(url);
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'REQUEST_TOO_LARGE' } }],
    });
    expect(logged).toEqual([]);
  });

  it('masks our own failure as INTERNAL_SERVER_ERROR and logs it once, with the detail', async () => {
    const ours = new Error('SQLITE_CORRUPT at /var/lib/ssa.sqlite');
    const { url, logged } = await serve((res, log) => answerFailure(res, ours, logTo(log)));
    const response = await fetch(url);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
    expect(text).not.toContain('SQLITE');
    expect(logged).toEqual([
      { details: { err: ours }, message: 'unexpected error outside GraphQL' },
    ]);
  });

  it('ends the connection when the answer had already begun', async () => {
    const late = new Error('failed mid-answer');
    const { url, logged } = await serve((res, log) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":');
      answerFailure(res, late, logTo(log));
    });
    await expect(fetch(url).then((response) => response.text())).rejects.toThrow();
    expect(logged).toEqual([
      { details: { err: late }, message: 'unexpected error after the answer began' },
    ]);
  });
});
