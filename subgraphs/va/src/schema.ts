import { buildFederatedSchema, once, type Protection } from '@resident-graph/federation';
import type { VaContext } from './context.js';
import { DisabilityClaim, toDisabilityClaim } from './disability-claim/disability-claim.type.js';
import { GiBill, toGiBill } from './gi-bill/gi-bill.type.js';
import {
  toVaHealthCareEnrollment,
  VaHealthCareEnrollment,
} from './health-care/health-care.type.js';
import { resolveVaTaskReference } from './record/record.reference.js';
import { ResidentRef } from './resident/resident.ref.js';
import { resolveResidentReference } from './resident/resident.reference.js';
import { VaResidentResolver } from './resident/resident.resolver.js';

/** Every field VA adds or owns needs the va:read scope. No VA field is an amount. */
const agencyRecords: Protection = { scopes: ['va:read'] };

export const buildVaSchema = once(() =>
  buildFederatedSchema<VaContext>(
    // No root field reaches these types: the gateway enters this subgraph only through `_entities`.
    {
      resolvers: [VaResidentResolver],
      orphanedTypes: [ResidentRef, DisabilityClaim, GiBill, VaHealthCareEnrollment],
    },
    {
      referenceResolvers: {
        Resident: { __resolveReference: resolveResidentReference },
        DisabilityClaim: { __resolveReference: resolveVaTaskReference(toDisabilityClaim) },
        GiBill: { __resolveReference: resolveVaTaskReference(toGiBill) },
        VaHealthCareEnrollment: {
          __resolveReference: resolveVaTaskReference(toVaHealthCareEnrollment),
        },
      },
      protectedTypes: Object.fromEntries(
        ['Resident', 'DisabilityClaim', 'GiBill', 'VaHealthCareEnrollment'].map((type) => [
          type,
          agencyRecords,
        ]),
      ),
    },
  ),
);
