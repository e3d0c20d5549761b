import { assertMayReadResident } from '@resident-graph/federation';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { LifeEventsContext } from '../context.js';
import { LifeEventKind } from '../domain/life-event-kind.js';
import { activeLifeEventKinds } from '../domain/resident-life-events.js';
import { journeyTask } from '../journey-task/journey-task.type.js';
import { ResidentRef } from '../resident/resident.ref.js';
import { Journey, JourneyStep } from './journey.type.js';

/**
 * The fields life-events adds to identity's Resident. Each loads first and authorizes after, so an
 * `_entities` request for many residents costs one query per loader, whoever may read them.
 */
@Resolver(() => ResidentRef)
export class ResidentJourneyResolver {
  @FieldResolver(() => Journey, {
    description: 'This resident’s way through a life event, step by step, with each agency task.',
  })
  async journey(
    @Root() resident: ResidentRef,
    @Arg('event', () => LifeEventKind) kind: LifeEventKind,
    @Ctx() { caller, clock, loaders }: LifeEventsContext,
  ): Promise<Journey> {
    const [event, steps, events] = await Promise.all([
      loaders.lifeEventByKind.load(kind),
      loaders.stepsByLifeEvent.load(kind),
      loaders.lifeEventsByResident.load(resident.id),
    ]);
    assertMayReadResident(caller, resident.id);
    // Every kind in the enum has catalog rows from a migration; a gap is a deployment defect.
    if (!event) throw new Error(`life event ${kind} is missing from the catalog`);
    return Object.assign(new Journey(), {
      event,
      active: activeLifeEventKinds(events, clock.today()).includes(kind),
      steps: steps.map((step) =>
        Object.assign(new JourneyStep(), {
          position: step.position,
          title: step.title,
          why: step.why,
          agency: step.agency,
          task: journeyTask(step.taskType, resident.id),
        }),
      ),
    });
  }

  @FieldResolver(() => [LifeEventKind], {
    description: 'The life events this resident is going through now, in catalog order.',
  })
  async activeLifeEvents(
    @Root() resident: ResidentRef,
    @Ctx() { caller, clock, loaders }: LifeEventsContext,
  ): Promise<LifeEventKind[]> {
    const events = await loaders.lifeEventsByResident.load(resident.id);
    assertMayReadResident(caller, resident.id);
    return activeLifeEventKinds(events, clock.today());
  }
}
