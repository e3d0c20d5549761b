import { LocalDate } from '@resident-graph/federation';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** SSA's stub of the identity-owned Resident: its key, and the birth date SSA's answers depend on. */
@Directive('@key(fields: "id")')
@ObjectType('Resident')
export class ResidentRef {
  @Field(() => ID)
  id!: string;

  /** Owned by identity; the gateway sends it to the fields that `@requires` it. SSA never stores it. */
  @Directive('@external')
  // Non-null, as identity declares it: composition rejects an @external field whose type differs
  // from the owner's. Absent from a representation unless a `@requires` field was asked for.
  @Field(() => LocalDate)
  birthDate?: string | null;
}
