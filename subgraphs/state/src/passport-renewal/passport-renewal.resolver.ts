import { ActionRefusedError } from '@resident-graph/errors';
import {
  Protect,
  requireResident,
  checkedIdempotencyKey,
  idempotencyKeyArg,
} from '@resident-graph/federation';
import { claimActionKey } from '@resident-graph/store';
import { createHash } from 'node:crypto';
import { Arg, Ctx, Field, InputType, Mutation, Resolver } from 'type-graphql';
import type { StateContext } from '../context.js';
import { onlineRenewalEligibility } from '../domain/online-renewal.js';
import { createPassportRecordLoader } from '../passport/passport.loader.js';
import { PassportRenewal, toPassportRenewal } from './passport-renewal.type.js';

@InputType('RenewPassportOnlineInput', { description: 'An online passport renewal.' })
export class RenewPassportOnlineInput {
  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Expedited service: about 2 to 3 weeks instead of 4 to 6, for $60 more.',
  })
  expedited!: boolean;
}

/** Applications still open: a second renewal would duplicate one of these. */
const inProgress = new Set(['IN_PROCESS', 'ADDITIONAL_INFO_NEEDED', 'APPROVED']);

/**
 * The resident renews their own passport online, when the Department's rules allow it
 * (`PassportRenewal.canRenewOnline`): the resident themself, verified, with `actions:write`.
 */
@Resolver(() => PassportRenewal)
export class PassportRenewalActionResolver {
  @Protect({ scopes: ['actions:write'], policies: ['assurance:verified'] })
  @Mutation(() => PassportRenewal, {
    description:
      'Renew your passport online, when `canRenewOnline` says you can; otherwise refused with NOT_ELIGIBLE_ONLINE and the reasons. The same idempotencyKey again renews once and answers with the renewal.',
  })
  async renewPassportOnline(
    @Arg('input', () => RenewPassportOnlineInput) input: RenewPassportOnlineInput,
    @Arg('idempotencyKey', () => String, idempotencyKeyArg)
    idempotencyKey: string,
    @Ctx() { caller, clock, store }: StateContext,
  ): Promise<PassportRenewal> {
    const residentId = requireResident(caller);
    checkedIdempotencyKey(idempotencyKey);
    const today = clock.today();
    await store.transaction().execute(async (trx) => {
      const claim = await claimActionKey(trx, {
        residentId,
        key: idempotencyKey,
        action: 'renewPassportOnline',
        requestHash: createHash('sha256').update(JSON.stringify(input)).digest('hex'),
      });
      if (claim === 'repeat') return;
      if (claim === 'conflict') {
        throw new ActionRefusedError(
          'IDEMPOTENCY_KEY_REUSED',
          'This idempotency key was already used for a different request. Send a new key for a new action.',
        );
      }
      // Read inside the transaction: the rules are checked against what this renewal will change.
      const record = await createPassportRecordLoader(trx).load(residentId);
      const eligibility = onlineRenewalEligibility(record?.passport ?? null, today);
      if (!eligibility.eligible) {
        throw new ActionRefusedError(
          'NOT_ELIGIBLE_ONLINE',
          `You can’t renew this passport online: ${eligibility.reasons.join(' ')}`,
          { reasons: eligibility.reasons },
        );
      }
      if (record?.renewal && inProgress.has(record.renewal.status)) {
        throw new ActionRefusedError(
          'ALREADY_APPLIED',
          `You already have a passport renewal in progress, sent on ${record.renewal.submittedOn}. Its status shows where it stands.`,
        );
      }
      const link = await trx
        .selectFrom('resident_link')
        .select('state_id')
        .where('resident_id', '=', residentId)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('renewal_application')
        .values({
          state_id: link.state_id,
          submitted_on: today,
          status: 'IN_PROCESS',
          changed_on: today,
          expedited: input.expedited ? 1 : 0,
        })
        .execute();
    });
    const record = await createPassportRecordLoader(store).load(residentId);
    return toPassportRenewal(residentId, record, today);
  }
}
