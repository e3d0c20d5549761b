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
  @Field(() => LocalDate, { nullable: true })
  birthDate?: string | null;
}
