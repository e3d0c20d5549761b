import { assertMayReadResident, type ReferenceResolvers } from '@resident-graph/federation';
import type { LifeEventsContext } from '../context.js';
import { journeyTaskTypes, type JourneyTaskType } from '../domain/journey-task-type.js';
import { journeyTask, type JourneyTaskStub } from './journey-task.type.js';

/**
 * The gateway comes here for `resident` on a task another subgraph returned (how CMS gets the
 * birth date for its `@requires`). The key is the resident, so no store access is needed.
 */
function taskReferenceResolver(type: JourneyTaskType) {
  // Async on purpose: a refusal then fails only its own representation, not the whole `_entities`
  // list (a synchronous throw escapes @apollo/subgraph's per-representation handling).
  return async (reference: Pick<JourneyTaskStub, 'residentId'>, { caller }: LifeEventsContext) => {
    assertMayReadResident(caller, reference.residentId);
    return journeyTask(type, reference.residentId);
  };
}

export const journeyTaskReferenceResolvers: ReferenceResolvers<LifeEventsContext> =
  Object.fromEntries(
    journeyTaskTypes.map((type) => [type, { __resolveReference: taskReferenceResolver(type) }]),
  );
