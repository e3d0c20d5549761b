import { ApolloServerErrorCode } from '@apollo/server/errors';
import { describe, expect, it } from 'vitest';
import { errorCodes } from './registry.js';

describe('error registry', () => {
  it('lists every code Apollo Server itself sends to clients, so none is masked as internal', () => {
    for (const code of Object.values(ApolloServerErrorCode))
      expect(errorCodes).toHaveProperty(code);
  });
});
