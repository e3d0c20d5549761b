import { ActionRefusedError } from '@resident-graph/errors';
import {
  assertMayReadResident,
  Protect,
  required,
  checkedIdempotencyKey,
  idempotencyKeyArg,
} from '@resident-graph/federation';
import { claimActionKey } from '@resident-graph/store';
import { createHash } from 'node:crypto';
import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SsaContext } from '../context.js';
import { formatYearMonth, startMonthRefusal } from '../domain/retirement-start-month.js';
import { toRetirementApplication } from '../retirement-application/retirement-application.js';
import { createRetirementApplicationLoader } from '../retirement-application/retirement-application.loader.js';
import { RetirementApplication } from '../retirement-application/retirement-application.type.js';
import { ResidentActionsRef } from './resident-actions.ref.js';

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export async function resolveResidentActionsReference(
  reference: Pick<ResidentActionsRef, 'residentId' | 'birthDate'>,
  { caller }: SsaContext,
): Promise<ResidentActionsRef> {
  assertMayReadResident(caller, reference.residentId);
  return Object.assign(new ResidentActionsRef(), reference);
}

/**
 * Applying for retirement benefits (ADR 0015): the resident themself, verified, with
 * `actions:write`; the start month must be one the rules allow on the day they apply.
 */
@Resolver(() => ResidentActionsRef)
export class RetirementApplicationActionResolver {
  @Protect({ scopes: ['actions:write'], policies: ['assurance:verified'] })
  @Directive('@requires(fields: "birthDate")')
  @FieldResolver(() => RetirementApplication, {
    description:
      'Apply for Social Security retirement benefits starting in `startMonth` (YYYY-MM): from the month you reach 62 to the month you reach 70, not in the past, and at most 4 months ahead. The same idempotencyKey again applies once and answers with the application.',
  })
  async applyForRetirement(
    @Root() actions: ResidentActionsRef,
    @Arg('startMonth', () => String) startMonth: string,
    @Arg('idempotencyKey', () => String, idempotencyKeyArg)
    idempotencyKey: string,
    @Ctx() { caller, clock, store }: SsaContext,
  ): Promise<RetirementApplication> {
    assertMayReadResident(caller, actions.residentId);
    const birthDate = required(
      actions.birthDate,
      `ResidentActions ${actions.residentId}: birthDate`,
    );
    checkedIdempotencyKey(idempotencyKey);
    const month = YEAR_MONTH.exec(startMonth);
    if (!month) {
      throw new ActionRefusedError(
        'BAD_USER_INPUT',
        'startMonth must be a month as YYYY-MM, e.g. 2026-10.',
        {
          field: 'startMonth',
        },
      );
    }
    const start = { year: Number(month[1]), month: Number(month[2]) };
    const today = clock.today();
    await store.transaction().execute(async (trx) => {
      const claim = await claimActionKey(trx, {
        residentId: actions.residentId,
        key: idempotencyKey,
        action: 'applyForRetirement',
        requestHash: createHash('sha256').update(formatYearMonth(start)).digest('hex'),
      });
      if (claim === 'repeat') return;
      if (claim === 'conflict') {
        throw new ActionRefusedError(
          'IDEMPOTENCY_KEY_REUSED',
          'This idempotency key was already used for a different request. Send a new key for a new action.',
        );
      }
      const refusal = startMonthRefusal(start, birthDate, today);
      if (refusal) {
        throw new ActionRefusedError('START_MONTH_NOT_ALLOWED', refusal.reason, {
          earliest: refusal.earliest,
          latest: refusal.latest,
        });
      }
      const link = await trx
        .selectFrom('resident_link')
        .select('ssa_id')
        .where('resident_id', '=', actions.residentId)
        .executeTakeFirst();
      if (!link) {
        throw new ActionRefusedError(
          'NOT_ELIGIBLE_ONLINE',
          'Social Security has no record linked to your sign-in, so you can’t apply online. Call 1-800-772-1213 or visit a Social Security office.',
          { reasons: ['no Social Security record linked to this sign-in'] },
        );
      }
      const existing = await trx
        .selectFrom('retirement_application')
        .select(['filed_on'])
        .where('ssa_id', '=', link.ssa_id)
        .executeTakeFirst();
      if (existing) {
        throw new ActionRefusedError(
          'ALREADY_APPLIED',
          `You already applied for retirement benefits on ${existing.filed_on}. Its status shows where it stands.`,
        );
      }
      await trx
        .insertInto('retirement_application')
        .values({
          ssa_id: link.ssa_id,
          status: 'RECEIVED',
          filed_on: today,
          changed_on: today,
          starts_in: formatYearMonth(start),
        })
        .execute();
    });
    const record = await createRetirementApplicationLoader(store).load(actions.residentId);
    return toRetirementApplication(actions.residentId, record, birthDate);
  }
}
