import { Agency, DateTime, LocalDate, Status } from '@resident-graph/federation';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { JourneyTask, type JourneyTaskStub } from '../journey-task/journey-task.type.js';

export enum DeclarationKind {
  MOVE = 'MOVE',
  BIRTH = 'BIRTH',
}

registerEnumType(DeclarationKind, {
  name: 'DeclarationKind',
  description: 'What a resident told the government once, for every agency that needs to know.',
  valuesConfig: {
    MOVE: { description: 'A move to a new address (`reportMove`).' },
    BIRTH: { description: 'A child’s birth (`reportBirth`).' },
  },
});

@InputType('MailingAddressInput', { description: 'A US mailing address.' })
export class MailingAddressInput {
  @Field(() => String, { description: 'Street address, e.g. "1200 N Central Ave".' })
  line1!: string;

  @Field(() => String, { nullable: true, description: 'Apartment, suite or unit, if any.' })
  line2?: string | null;

  @Field(() => String)
  city!: string;

  @Field(() => String, { description: 'Two-letter state or territory code, e.g. AZ.' })
  state!: string;

  @Field(() => String, { description: '5-digit ZIP code, or ZIP+4.' })
  zip!: string;
}

@InputType('ReportMoveInput', { description: 'A move, to report once to every agency chosen.' })
export class ReportMoveInput {
  @Field(() => MailingAddressInput)
  newAddress!: MailingAddressInput;

  @Field(() => LocalDate, {
    description: 'The day you move (or moved): up to 3 months ahead, or up to a year ago.',
  })
  movedOn!: string;

  @Field(() => [Agency], {
    nullable: true,
    description:
      'The agencies to tell (USPS, IRS, SSA, STATE); default all of them, the agencies that keep your address.',
  })
  agencies?: Agency[] | null;
}

@InputType('ReportBirthInput', { description: 'A child’s birth, to report once.' })
export class ReportBirthInput {
  @Field(() => String, { description: 'The child’s first name, as on the birth certificate.' })
  childGivenName!: string;

  @Field(() => LocalDate, { description: 'The day the child was born: within the last year.' })
  childBirthDate!: string;

  @Field(() => [Agency], {
    nullable: true,
    description:
      'The agencies to tell (SSA: the newborn’s card; IRS: the child tax credit; STATE: the child’s first passport); default all three.',
  })
  agencies?: Agency[] | null;
}

@ObjectType('DeclarationNotification', {
  description:
    'One agency told about a declaration: whether the news reached it, and its task for it.',
})
export class DeclarationNotification {
  @Field(() => ID)
  id!: string;

  @Field(() => Agency)
  agency!: Agency;

  @Field(() => Status, {
    description:
      'Whether the agency has it: SENDING, RECEIVED (see `task` for the agency’s own progress), NEEDS_YOUR_ACTION (the agency said why) or FAILED (why, and what happens next).',
  })
  delivery!: Status;

  @Field(() => JourneyTask, {
    nullable: true,
    description:
      'The agency’s task this notice feeds, as the agency reports it; null where the agency keeps no task for it.',
  })
  task!: JourneyTaskStub | null;
}

@ObjectType('Declaration', {
  description: 'Something a resident told the government once, with what each agency made of it.',
})
export class Declaration {
  @Field(() => ID)
  id!: string;

  /** Whose declaration; not a field (the resident is the parent). */
  residentId!: string;

  @Field(() => DeclarationKind)
  kind!: DeclarationKind;

  @Field(() => LocalDate, { description: 'The event’s own date (for a move, the moving day).' })
  eventDate!: string;

  @Field(() => LocalDate, { description: 'The day the resident told us.' })
  declaredOn!: string;

  @Field(() => DateTime, { description: 'When the resident told us, to the second.' })
  declaredAt!: string;

  @Field(() => [DeclarationNotification], {
    description: 'Each agency told, in the journey’s order.',
  })
  notifications!: DeclarationNotification[];
}
