import { buildFederatedSchema, once, type Protection } from '@resident-graph/federation';
import type { UspsContext } from './context.js';
import { resolveMailForwardingReference } from './mail-forwarding/mail-forwarding.reference.js';
import { MailForwarding } from './mail-forwarding/mail-forwarding.type.js';
import { ResidentRef } from './resident/resident.ref.js';
import { resolveResidentReference } from './resident/resident.reference.js';
import { UspsResidentResolver } from './resident/resident.resolver.js';

/** Every field USPS adds or owns needs the usps:read scope. */
const agencyRecords: Protection = { scopes: ['usps:read'] };

export const buildUspsSchema = once(() =>
  buildFederatedSchema<UspsContext>(
    // No root field reaches these types: the gateway enters this subgraph only through `_entities`.
    { resolvers: [UspsResidentResolver], orphanedTypes: [ResidentRef, MailForwarding] },
    {
      referenceResolvers: {
        Resident: { __resolveReference: resolveResidentReference },
        MailForwarding: { __resolveReference: resolveMailForwardingReference },
      },
      protectedTypes: Object.fromEntries(
        ['Resident', 'MailForwarding'].map((type) => [type, agencyRecords]),
      ),
    },
  ),
);
