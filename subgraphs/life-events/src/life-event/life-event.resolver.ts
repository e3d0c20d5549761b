import { Agency } from '@resident-graph/federation';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { LifeEventKind, lifeEventKinds } from '../domain/life-event-kind.js';
import type { LifeEventsContext } from '../context.js';
import { LifeEvent, LifeEventStep } from './life-event.type.js';

/** The catalog is public information: no sign-in needed, nothing about any resident in it. */
@Resolver(() => LifeEvent)
export class LifeEventResolver {
  @Query(() => [LifeEvent], {
    description: 'Every life event the platform guides residents through. Public.',
  })
  async lifeEvents(@Ctx() { loaders }: LifeEventsContext): Promise<LifeEvent[]> {
    // Every kind the schema knows, in catalog order, in one query.
    const events = await Promise.all(
      lifeEventKinds.map((kind) => loaders.lifeEventByKind.load(kind)),
    );
    return events.filter((event): event is LifeEvent => event !== null);
  }

  @Query(() => LifeEvent, {
    nullable: true,
    description: 'One life event from the catalog. Public.',
  })
  async lifeEvent(
    @Arg('kind', () => LifeEventKind) kind: LifeEventKind,
    @Ctx() { loaders }: LifeEventsContext,
  ): Promise<LifeEvent | null> {
    return loaders.lifeEventByKind.load(kind);
  }

  @FieldResolver(() => [LifeEventStep], { description: 'The steps, most time-critical first.' })
  async steps(
    @Root() event: LifeEvent,
    @Ctx() { loaders }: LifeEventsContext,
  ): Promise<LifeEventStep[]> {
    return loaders.stepsByLifeEvent.load(event.kind);
  }

  @FieldResolver(() => [Agency], {
    description: 'The agencies involved, in the order their first step comes.',
  })
  async agencies(
    @Root() event: LifeEvent,
    @Ctx() { loaders }: LifeEventsContext,
  ): Promise<Agency[]> {
    const steps = await loaders.stepsByLifeEvent.load(event.kind);
    return [...new Set(steps.map((step) => step.agency))];
  }
}
