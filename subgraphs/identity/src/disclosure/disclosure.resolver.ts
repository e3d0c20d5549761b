import { BadUserInputError } from '@resident-graph/errors';
import { Protect } from '@resident-graph/federation';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { IdentityContext } from '../context.js';
import { Resident } from '../resident/resident.type.js';
import { listDisclosures, storedDisclosure } from './disclosure-log.js';
import { DisclosurePage, type RecipientKind } from './disclosure.type.js';

const MAX_PAGE = 100;

@Resolver(() => Resident)
export class DisclosureResolver {
  @Protect({ scopes: ['consent:manage'] })
  @FieldResolver(() => DisclosurePage, {
    description:
      'Every time your records were released to someone other than you, newest first: to which application or caseworker, what, and why.',
  })
  async disclosures(
    @Root() resident: Resident,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('agency', () => String, { nullable: true }) agency: string | null,
    @Arg('recipient', () => String, { nullable: true }) recipient: string | null,
    @Ctx() { db }: IdentityContext,
  ): Promise<DisclosurePage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
      throw new BadUserInputError(`first: between 1 and ${MAX_PAGE}.`);
    const beforeSeq = after === null || after === undefined ? null : Number(after);
    if (beforeSeq !== null && (!Number.isInteger(beforeSeq) || beforeSeq < 1))
      throw new BadUserInputError('after: pass the endCursor of the page before.');
    const rows = await listDisclosures(db, {
      residentId: resident.id,
      agency,
      recipient,
      beforeSeq,
      limit: first,
    });
    const page = rows.slice(0, first);
    return {
      records: page.map((row) => {
        const record = storedDisclosure(row);
        return {
          ...record,
          fields: [...record.fields],
          recipientKind: record.recipientKind as RecipientKind,
        };
      }),
      endCursor: page.length > 0 ? String(page.at(-1)?.seq) : null,
      hasNextPage: rows.length > first,
    };
  }
}
