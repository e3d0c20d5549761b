import { assertMayReadResident } from '@resident-graph/federation';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { UspsContext } from '../context.js';
import { MailForwarding, toMailForwarding } from '../mail-forwarding/mail-forwarding.type.js';
import { ResidentRef } from './resident.ref.js';

/** Mail forwarding on Resident; authorizes before it loads, so others' requests never reach the store. */
@Resolver(() => ResidentRef)
export class UspsResidentResolver {
  @FieldResolver(() => MailForwarding, {
    description: 'The resident’s change of address and mail forwarding (MOVING).',
  })
  async mailForwarding(
    @Root() resident: ResidentRef,
    @Ctx() { caller, clock, loaders }: UspsContext,
  ): Promise<MailForwarding> {
    assertMayReadResident(caller, resident.id);
    return toMailForwarding(
      resident.id,
      await loaders.changeOfAddressByResident.load(resident.id),
      clock.today(),
    );
  }
}
