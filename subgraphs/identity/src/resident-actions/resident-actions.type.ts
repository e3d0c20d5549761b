import { LocalDate, Protect } from '@resident-graph/federation';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Acting for the resident takes `actions:write` at a verified identity (ADR 0015). */
export const residentActions = {
  scopes: ['actions:write'],
  policies: ['assurance:verified'],
} as const;

/**
 * What the signed-in resident can do at agencies that need their birth date (ADR 0015): reachable
 * only from `Mutation.act`, never from a query, so nothing under it runs from a read. Identity
 * owns it and supplies the birth date; SSA and CMS add the actions with `@requires(birthDate)`.
 */
@Directive('@key(fields: "residentId")')
@ObjectType('ResidentActions', {
  description:
    'Actions the signed-in resident can take at agencies (apply for retirement benefits, sign up for Medicare); reached through `Mutation.act`.',
})
export class ResidentActions {
  @Field(() => ID)
  residentId!: string;

  // Read by SSA and CMS through @requires, for this request only; never stored there.
  @Protect(residentActions)
  @Field(() => LocalDate, { description: 'Your birth date, which the agencies’ rules go by.' })
  birthDate!: string;
}
