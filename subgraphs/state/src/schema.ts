import { buildFederatedSchema, once, type Protection } from '@resident-graph/federation';
import { resolveChildPassportApplicationReference } from './child-passport-application/child-passport-application.reference.js';
import { ChildPassportApplication } from './child-passport-application/child-passport-application.type.js';
import type { StateContext } from './context.js';
import { PassportRenewalActionResolver } from './passport-renewal/passport-renewal.resolver.js';
import { resolvePassportRenewalReference } from './passport-renewal/passport-renewal.reference.js';
import { PassportRenewal } from './passport-renewal/passport-renewal.type.js';
import { ResidentRef } from './resident/resident.ref.js';
import { resolveResidentReference } from './resident/resident.reference.js';
import { StateResidentResolver } from './resident/resident.resolver.js';

/** Every field STATE adds or owns needs the state:read scope. */
const agencyRecords: Protection = { scopes: ['state:read'] };

export const buildStateSchema = once(() =>
  buildFederatedSchema<StateContext>(
    // No query reaches these types: the gateway enters this subgraph through `_entities` (and the
    // resident's one action, renewPassportOnline).
    {
      resolvers: [StateResidentResolver, PassportRenewalActionResolver],
      orphanedTypes: [ResidentRef, PassportRenewal, ChildPassportApplication],
    },
    {
      referenceResolvers: {
        Resident: { __resolveReference: resolveResidentReference },
        PassportRenewal: { __resolveReference: resolvePassportRenewalReference },
        ChildPassportApplication: { __resolveReference: resolveChildPassportApplicationReference },
      },
      protectedTypes: Object.fromEntries(
        ['Resident', 'PassportRenewal', 'ChildPassportApplication'].map((type) => [
          type,
          agencyRecords,
        ]),
      ),
    },
  ),
);
