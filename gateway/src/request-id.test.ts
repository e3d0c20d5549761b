import { describe, expect, it } from 'vitest';
import { requestIdFrom } from './request-id.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
  it.each(['abc-123', 'trace.7f3a:01_x', 'a'.repeat(128)])('keeps the sane id %s', (id) => {
    expect(requestIdFrom(id)).toBe(id);
  });

  it.each([
    undefined,
    '',
    'two words',
    'a'.repeat(129),
    '-leading-dash',
    'x\ny',
    '"quoted"',
    'ünïcode',
  ])('replaces %j with a fresh UUID', (id) => {
    expect(requestIdFrom(id)).toMatch(uuid);
  });

  it('uses the first of repeated headers', () => {
    expect(requestIdFrom(['first', 'second'])).toBe('first');
  });

  it('generates a different id each time', () => {
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});
