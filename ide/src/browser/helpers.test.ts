import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { withAuthorization } from './authorization-header.js';
import { curlCommand } from './curl.js';
import { shareLink, sharedOperation } from './share-link.js';

describe('shareable links', () => {
  it('carry the operation and variables in the fragment, and read back the same', () => {
    const operation = {
      query: 'query Me($x: Int) { me { givenName } } # 100% & more',
      variables: '{"x": 1}',
      operationName: 'Me',
    };
    const link = shareLink('http://127.0.0.1:4000/graphql', operation);
    expect(new URL(link).search).toBe('');
    expect(sharedOperation(new URL(link).hash)).toEqual(operation);
  });

  it('leave out blank variables, and a fragment without a query is no shared operation', () => {
    const link = shareLink('http://127.0.0.1:4000/graphql', { query: '{ a }', variables: '  ' });
    expect(sharedOperation(new URL(link).hash)).toEqual({ query: '{ a }' });
    expect(sharedOperation('')).toBeNull();
    expect(sharedOperation('#variables=%7B%7D')).toBeNull();
  });
});

describe('copy as curl', () => {
  it('writes a command a POSIX shell runs with exactly the request’s body and headers', () => {
    const command = curlCommand({
      url: 'http://127.0.0.1:4000/graphql',
      query: "query It's { me { givenName } }",
      variables: '{"n": 1}',
      operationName: "It's",
      headers: '{"Authorization": "Bearer abc"}',
    });
    // Ask a real shell what arguments curl would get (`printf` stands in for curl).
    const args = execFileSync('sh', ['-c', `printf '%s\\n' ${command.slice('curl '.length)}`], {
      encoding: 'utf8',
    }).split('\n');
    expect(args[0]).toBe('http://127.0.0.1:4000/graphql');
    expect(args).toContain('content-type: application/json');
    expect(args).toContain('Authorization: Bearer abc');
    expect(JSON.parse(args[args.indexOf('--data-raw') + 1]!)).toEqual({
      query: "query It's { me { givenName } }",
      variables: { n: 1 },
      operationName: "It's",
    });
  });

  it('says which editor does not hold a JSON object', () => {
    expect(() => curlCommand({ url: 'http://x/graphql', query: '{a}', headers: '[1]' })).toThrow(
      /Headers must be a JSON object/,
    );
    expect(() => curlCommand({ url: 'http://x/graphql', query: '{a}', variables: '{' })).toThrow();
  });
});

describe('signing in fills the Authorization header', () => {
  it('replaces any authorization header, whatever its case, and keeps the others', () => {
    const headers = withAuthorization('{"authorization": "Bearer old", "x-trace": "1"}', 'new');
    expect(JSON.parse(headers)).toEqual({ 'x-trace': '1', Authorization: 'Bearer new' });
    expect(JSON.parse(withAuthorization('', 't'))).toEqual({ Authorization: 'Bearer t' });
  });

  it('refuses to overwrite headers that are not a JSON object', () => {
    expect(() => withAuthorization('"text"', 't')).toThrow(/JSON object/);
  });
});
