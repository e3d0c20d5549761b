import { Field, ID, InterfaceType } from 'type-graphql';
import { Agency } from './agency.js';
import { Status } from './status.js';

/**
 * What every agency task in a life-event journey has in common. Each agency defines its own task
 * entities (keyed by the resident) implementing this interface; the life-events subgraph points at
 * them through the `JourneyTask` union, so front ends read these fields without knowing each type.
 */
@InterfaceType('AgencyTask', {
  // Each subgraph lists only its own implementations: in one process (compose, tests) every agency's
  // task classes are loaded, and none may leak into another agency's schema.
  autoRegisterImplementations: false,
  description: 'A resident’s task at one agency, with where it stands.',
})
export abstract class AgencyTask {
  @Field(() => ID, { description: 'The platform resident id this task belongs to.' })
  residentId!: string;

  @Field(() => Agency)
  agency!: Agency;

  @Field(() => String, { description: 'What the task is, e.g. "Apply for Medicare".' })
  title!: string;

  @Field(() => Status)
  status!: Status;
}
