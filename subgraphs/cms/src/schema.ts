import { buildFederatedSchema, once, type Protection } from '@resident-graph/federation';
import type { CmsContext } from './context.js';
import { resolveMedicareEnrollmentReference } from './medicare-enrollment/medicare-enrollment.reference.js';
import { MedicareEnrollmentResolver } from './medicare-enrollment/medicare-enrollment.resolver.js';
import { MedicareEnrollment } from './medicare-enrollment/medicare-enrollment.type.js';
import { ResidentActionsRef } from './resident-actions/resident-actions.ref.js';
import {
  MedicareSignUpResolver,
  resolveResidentActionsReference,
} from './resident-actions/resident-actions.resolver.js';
import { ResidentRef } from './resident/resident.ref.js';
import { resolveResidentReference } from './resident/resident.reference.js';
import { ResidentCmsResolver } from './resident/resident.resolver.js';

/** Every field CMS adds or owns needs the cms:read scope. */
const agencyRecords: Protection = { scopes: ['cms:read'] };

export const buildCmsSchema = once(() =>
  buildFederatedSchema<CmsContext>(
    {
      resolvers: [ResidentCmsResolver, MedicareEnrollmentResolver, MedicareSignUpResolver],
      // Entities reached only through `_entities` (the life-events journey) are not reachable from Query.
      orphanedTypes: [ResidentRef, ResidentActionsRef, MedicareEnrollment],
    },
    {
      referenceResolvers: {
        Resident: { __resolveReference: resolveResidentReference },
        ResidentActions: { __resolveReference: resolveResidentActionsReference },
        MedicareEnrollment: { __resolveReference: resolveMedicareEnrollmentReference },
      },
      protectedTypes: Object.fromEntries(
        ['Resident', 'MedicareEnrollment'].map((type) => [type, agencyRecords]),
      ),
    },
  ),
);
