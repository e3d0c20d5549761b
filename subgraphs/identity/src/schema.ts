import { buildFederatedSchema, once } from '@resident-graph/federation';
import type { IdentityContext } from './context.js';
import { resolveResidentReference } from './resident/resident.reference.js';
import { ResidentResolver } from './resident/resident.resolver.js';

export const buildIdentitySchema = once(() =>
  buildFederatedSchema<IdentityContext>(
    { resolvers: [ResidentResolver] },
    { Resident: { __resolveReference: resolveResidentReference } },
  ),
);
