import { LocalDate } from '@resident-graph/federation';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Identity's Resident, extended here with life events and journeys. */
@Directive('@key(fields: "id")')
@ObjectType('Resident')
export class ResidentRef {
  @Field(() => ID)
  id!: string;

  /**
   * Owned by identity; the gateway sends it, for this request only, to the fields that
   * `@requires(fields: "birthDate")` (TURNING_65 is derived from it). Life-events never stores it.
   * Non-null, as identity declares it: composition rejects an @external field whose type differs
   * from the owner's. Absent from a representation unless a `@requires` field was asked for, and
   * from the `resident` of a task stub; read it with `required(…)`.
   */
  @Directive('@external')
  @Field(() => LocalDate)
  birthDate!: string;
}

/** A Resident known by its key alone (the `resident` of a task stub). */
export function residentRef(id: string): ResidentRef {
  return Object.assign(new ResidentRef(), { id });
}
