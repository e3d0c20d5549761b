import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { LocalDate } from './scalars.js';

/**
 * The plain-language status every agency returns for anything a resident is waiting on. Agencies fill
 * it from their own status vocabularies; the words are carried so front ends need no lookup tables
 * (Plain Writing Act, Section 508). Shareable: every agency defines the identical type.
 */
@Directive('@shareable')
@ObjectType('Status', { description: 'Where something stands, in plain language.' })
export class Status {
  @Field(() => String, {
    description: 'Stable machine code from the agency’s status vocabulary, e.g. IN_REVIEW.',
  })
  code!: string;

  @Field(() => String, { description: 'Short label, e.g. "In review".' })
  label!: string;

  @Field(() => String, {
    description: 'One or two plain sentences on what this status means for the resident.',
  })
  description!: string;

  @Field(() => [String], {
    description: 'What happens next or what the resident can do, in order.',
  })
  nextSteps!: string[];

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Earliest expected date of the next milestone, when known.',
  })
  expectedFrom!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Latest expected date of the next milestone, when known.',
  })
  expectedBy!: string | null;

  // A date, not an instant: agencies record the day a status changed, and a midnight-UTC instant
  // would show as the day before in every US time zone.
  @Field(() => LocalDate, {
    nullable: true,
    description: 'The date this status last changed.',
  })
  lastChangedOn!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Step n of stepCount, where the process has steps.',
  })
  step!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Number of steps in the process, where it has steps.',
  })
  stepCount!: number | null;

  @Field(() => Boolean, { description: 'Whether the resident must do something.' })
  actionRequired!: boolean;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Deadline for the required action, when there is one.',
  })
  actionDeadline!: string | null;
}

/** Builds a Status with the optional parts defaulted, so agencies state only what they know. */
export function status(
  fields: Pick<Status, 'code' | 'label' | 'description'> &
    Partial<Omit<Status, 'code' | 'label' | 'description'>>,
): Status {
  return Object.assign(new Status(), {
    nextSteps: [],
    expectedFrom: null,
    expectedBy: null,
    lastChangedOn: null,
    step: null,
    stepCount: null,
    actionRequired: false,
    actionDeadline: null,
    ...fields,
  });
}

/** A `Status` whose `code` is typed as one task's vocabulary, so its `statusCode` field reads it as is. */
export type TaskStatus<Code extends string> = Status & { code: Code };

/**
 * The object behind a task's GraphQL `<Type>StatusCode` enum: every code, named by itself. The
 * mapped type makes the compiler reject a missing, extra or misspelt code.
 */
export type StatusCodes<Code extends string> = { readonly [C in Code]: C };

/**
 * `status()` keeping the literal type of `code`: a domain function can then promise exactly which
 * codes it returns, and the task's `statusCode` is that same value, so the two cannot drift.
 */
export function taskStatus<Code extends string>(
  fields: Parameters<typeof status>[0] & { code: Code },
): TaskStatus<Code> {
  return Object.assign(status(fields), { code: fields.code });
}
