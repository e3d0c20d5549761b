import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Identity's Resident, extended here with life events and journeys. */
@Directive('@key(fields: "id")')
@ObjectType('Resident')
export class ResidentRef {
  @Field(() => ID)
  id!: string;
}

export function residentRef(id: string): ResidentRef {
  return Object.assign(new ResidentRef(), { id });
}
