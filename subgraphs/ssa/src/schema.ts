import { buildFederatedSchema, once, type Protection } from '@resident-graph/federation';
import { resolveAddressUpdateReference } from './address-update/address-update.reference.js';
import { SocialSecurityAddressUpdate } from './address-update/address-update.type.js';
import type { SsaContext } from './context.js';
import { resolveNewbornCardReference } from './newborn-card/newborn-card.reference.js';
import { NewbornSocialSecurityCard } from './newborn-card/newborn-card.type.js';
import { ResidentActionsRef } from './resident-actions/resident-actions.ref.js';
import {
  RetirementApplicationActionResolver,
  resolveResidentActionsReference,
} from './resident-actions/resident-actions.resolver.js';
import { ResidentRef } from './resident/resident.ref.js';
import { resolveResidentReference } from './resident/resident.reference.js';
import { ResidentSsaResolver } from './resident/resident.resolver.js';
import { resolveRetirementApplicationReference } from './retirement-application/retirement-application.reference.js';
import { RetirementApplicationResolver } from './retirement-application/retirement-application.resolver.js';
import { RetirementApplication } from './retirement-application/retirement-application.type.js';

/** Every field SSA adds or owns needs the ssa:read scope. */
const agencyRecords: Protection = { scopes: ['ssa:read'] };

export const buildSsaSchema = once(() =>
  buildFederatedSchema<SsaContext>(
    {
      resolvers: [
        ResidentSsaResolver,
        RetirementApplicationResolver,
        RetirementApplicationActionResolver,
      ],
      // Entities reached only through `_entities` (the life-events journey) are not reachable from Query.
      orphanedTypes: [
        ResidentRef,
        ResidentActionsRef,
        RetirementApplication,
        NewbornSocialSecurityCard,
        SocialSecurityAddressUpdate,
      ],
    },
    {
      referenceResolvers: {
        Resident: { __resolveReference: resolveResidentReference },
        ResidentActions: { __resolveReference: resolveResidentActionsReference },
        RetirementApplication: { __resolveReference: resolveRetirementApplicationReference },
        NewbornSocialSecurityCard: { __resolveReference: resolveNewbornCardReference },
        SocialSecurityAddressUpdate: { __resolveReference: resolveAddressUpdateReference },
      },
      protectedTypes: Object.fromEntries(
        [
          'Resident',
          'RetirementApplication',
          'NewbornSocialSecurityCard',
          'SocialSecurityAddressUpdate',
        ].map((type) => [type, agencyRecords]),
      ),
    },
  ),
);
