import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The identity-owned Resident as this subgraph sees it: just its key, extended with the case. */
@Directive('@key(fields: "id")')
@ObjectType('Resident')
export class ResidentRef {
  @Field(() => ID)
  id!: string;
}
