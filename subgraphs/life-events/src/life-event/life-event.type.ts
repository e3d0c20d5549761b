import { Agency } from '@resident-graph/federation';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { JourneyTaskType } from '../domain/journey-task-type.js';
import { LifeEventKind } from '../domain/life-event-kind.js';

registerEnumType(LifeEventKind, {
  name: 'LifeEventKind',
  description: 'A life event the platform guides residents through.',
  valuesConfig: {
    TURNING_65: { description: 'Turning 65: Medicare, Social Security retirement, travel.' },
    HAVING_A_CHILD: {
      description: 'Having a child: Social Security number, tax credit, passport.',
    },
    MOVING: { description: 'Moving: telling each agency the new address.' },
    LEAVING_MILITARY: {
      description:
        'Leaving the military: VA disability compensation, GI Bill and health care, and the move home.',
    },
  },
});

@ObjectType('LifeEventStep', { description: 'One step of a life event, in the order to take it.' })
export class LifeEventStep {
  @Field(() => Int, { description: '1-based; the most time-critical step comes first.' })
  position!: number;

  @Field(() => String, { description: 'What to do, e.g. "Sign up for Medicare".' })
  title!: string;

  @Field(() => String, { description: 'Why this step matters, in plain language.' })
  why!: string;

  @Field(() => Agency, { description: 'The agency that handles this step.' })
  agency!: Agency;

  @Field(() => String, {
    description: 'GraphQL type name of the agency task (a member of the `JourneyTask` union).',
  })
  taskType!: JourneyTaskType;
}

@ObjectType('LifeEvent', {
  description: 'A life event and the government steps it involves, across agencies.',
})
export class LifeEvent {
  @Field(() => LifeEventKind)
  kind!: LifeEventKind;

  @Field(() => String, { description: 'Short name, e.g. "Turning 65".' })
  title!: string;

  @Field(() => String, { description: 'What this life event involves, in plain language.' })
  summary!: string;

  // `agencies` and `steps` are resolved from the step catalog by LifeEventResolver.
}
