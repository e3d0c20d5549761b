import { buildFederatedSchema, once } from '@resident-graph/federation';
import type { LifeEventsContext } from './context.js';
import {
  DeclarationResolver,
  ResidentDeclarationsResolver,
} from './declaration/declaration.resolver.js';
import { journeyTaskReferenceResolvers } from './journey-task/journey-task.reference.js';
import { ResidentJourneyResolver } from './journey/journey.resolver.js';
import { LifeEventResolver } from './life-event/life-event.resolver.js';
import { ResidentNotificationResolver } from './resident-notification/resident-notification.resolver.js';
import { ResidentRef } from './resident/resident.ref.js';
import { resolveResidentReference } from './resident/resident.reference.js';

export const buildLifeEventsSchema = once(() =>
  buildFederatedSchema<LifeEventsContext>(
    {
      resolvers: [
        LifeEventResolver,
        ResidentJourneyResolver,
        DeclarationResolver,
        ResidentDeclarationsResolver,
        ResidentNotificationResolver,
      ],
      // Resident is reached from no query here, only from `_entities`: type-graphql must be told.
      orphanedTypes: [ResidentRef],
    },
    {
      referenceResolvers: {
        Resident: { __resolveReference: resolveResidentReference },
        ...journeyTaskReferenceResolvers,
      },
    },
  ),
);
