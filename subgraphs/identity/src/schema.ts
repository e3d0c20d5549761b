import { buildFederatedSchema, once } from '@resident-graph/federation';
import type { IdentityContext } from './context.js';
import { resolveResidentReference } from './resident/resident.reference.js';
import { ResidentResolver } from './resident/resident.resolver.js';

export const buildIdentitySchema = once(() =>
  buildFederatedSchema<IdentityContext>(
    { resolvers: [ResidentResolver] },
    { referenceResolvers: { Resident: { __resolveReference: resolveResidentReference } } },
  ),
);
