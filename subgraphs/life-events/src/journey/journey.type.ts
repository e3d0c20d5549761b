import { Agency } from '@resident-graph/federation';
import { Field, Int, ObjectType } from 'type-graphql';
import { JourneyTask } from '../journey-task/journey-task.type.js';
import type { JourneyTaskStub } from '../journey-task/journey-task.type.js';
import { DeclarationNotification } from '../declaration/declaration.type.js';
import { LifeEvent } from '../life-event/life-event.type.js';

@ObjectType('JourneyStep', {
  description: 'One step of a resident’s journey, pointing at their task at the agency.',
})
export class JourneyStep {
  @Field(() => Int, { description: '1-based; the most time-critical step comes first.' })
  position!: number;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'Why this step matters, in plain language.' })
  why!: string;

  @Field(() => Agency)
  agency!: Agency;

  // Nullable on purpose: life-events always returns the task, but its fields come from the agency, and
  // when that agency is down only this step's task becomes null instead of the whole journey.
  @Field(() => JourneyTask, {
    nullable: true,
    description:
      'The resident’s task at the agency, with where it stands; null only when the agency could not be reached (see errors).',
  })
  task!: JourneyTaskStub;

  @Field(() => DeclarationNotification, {
    nullable: true,
    description:
      'What this step’s agency made of your latest declaration for this life event (tell us once), e.g. a move: whether it reached the agency, or failed and why. Null when you have told us nothing this agency needs.',
  })
  notice!: DeclarationNotification | null;
}

@ObjectType('Journey', {
  description:
    'One resident’s way through a life event: the catalog’s steps, each with their own task.',
})
export class Journey {
  @Field(() => LifeEvent)
  event!: LifeEvent;

  @Field(() => Boolean, {
    description:
      'Whether the resident is going through this life event now: turning 65 from their birth date; having a child or moving from what they told us.',
  })
  active!: boolean;

  @Field(() => [JourneyStep], { description: 'The steps, most time-critical first.' })
  steps!: JourneyStep[];
}
