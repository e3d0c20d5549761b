import { buildFederatedSchema, once } from '@resident-graph/federation';
import type { IdentityContext } from './context.js';
import {
  ResidentActionsResolver,
  resolveResidentActionsReference,
} from './resident-actions/resident-actions.resolver.js';
import { resolveResidentReference } from './resident/resident.reference.js';
import { ResidentResolver } from './resident/resident.resolver.js';
import { ConsentResolver } from './consent/consent.resolver.js';
import { DisclosureResolver } from './disclosure/disclosure.resolver.js';
import { ReleaseResolver } from './release/release.resolver.js';
import { StaffResolver } from './staff/staff.resolver.js';

export const buildIdentitySchema = once(() =>
  buildFederatedSchema<IdentityContext>(
    {
      resolvers: [
        ResidentResolver,
        ResidentActionsResolver,
        ConsentResolver,
        DisclosureResolver,
        ReleaseResolver,
        StaffResolver,
      ],
    },
    {
      referenceResolvers: {
        Resident: { __resolveReference: resolveResidentReference },
        ResidentActions: { __resolveReference: resolveResidentActionsReference },
      },
    },
  ),
);
