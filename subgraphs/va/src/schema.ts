import { buildFederatedSchema, once, type Protection } from '@resident-graph/federation';
import { resolveCaseReference } from './case/case.reference.js';
import { VaCase } from './case/case.type.js';
import type { VaContext } from './context.js';
import { ResidentRef } from './resident/resident.ref.js';
import { resolveResidentReference } from './resident/resident.reference.js';
import { VaResidentResolver } from './resident/resident.resolver.js';

/** Every field VA adds or owns needs the va:read scope. */
const agencyRecords: Protection = { scopes: ['va:read'] };

export const buildVaSchema = once(() =>
  buildFederatedSchema<VaContext>(
    // No root field reaches these types: the gateway enters this subgraph only through `_entities`.
    { resolvers: [VaResidentResolver], orphanedTypes: [ResidentRef, VaCase] },
    {
      referenceResolvers: {
        Resident: { __resolveReference: resolveResidentReference },
        VaCase: { __resolveReference: resolveCaseReference },
      },
      protectedTypes: Object.fromEntries(
        ['Resident', 'VaCase'].map((type) => [type, agencyRecords]),
      ),
    },
  ),
);
