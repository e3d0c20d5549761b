import { buildFederatedSchema, once } from '@resident-graph/federation';
import type { IdentityContext } from './context.js';
import {
  ResidentActionsResolver,
  resolveResidentActionsReference,
} from './resident-actions/resident-actions.resolver.js';
import { resolveResidentReference } from './resident/resident.reference.js';
import { ResidentResolver } from './resident/resident.resolver.js';

export const buildIdentitySchema = once(() =>
  buildFederatedSchema<IdentityContext>(
    { resolvers: [ResidentResolver, ResidentActionsResolver] },
    {
      referenceResolvers: {
        Resident: { __resolveReference: resolveResidentReference },
        ResidentActions: { __resolveReference: resolveResidentActionsReference },
      },
    },
  ),
);
