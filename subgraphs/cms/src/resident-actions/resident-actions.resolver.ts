import { ActionRefusedError } from '@resident-graph/errors';
import {
  assertMayReadResident,
  Protect,
  required,
  checkedIdempotencyKey,
  idempotencyKeyArg,
} from '@resident-graph/federation';
import { claimActionKey, linkResidents } from '@resident-graph/store';
import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CmsContext } from '../context.js';
import { medicareSignUpWindow } from '../domain/medicare-sign-up.js';
import { toMedicareEnrollment } from '../medicare-enrollment/medicare-enrollment.js';
import { MedicareEnrollment } from '../medicare-enrollment/medicare-enrollment.type.js';
import { createMedicareLoader } from '../medicare/medicare.loader.js';
import { ResidentActionsRef } from './resident-actions.ref.js';

const CMS_IDS = { idColumn: 'cms_id', prefix: 'CMS-B-' } as const;

export async function resolveResidentActionsReference(
  reference: Pick<ResidentActionsRef, 'residentId' | 'birthDate'>,
  { caller }: CmsContext,
): Promise<ResidentActionsRef> {
  assertMayReadResident(caller, reference.residentId);
  return Object.assign(new ResidentActionsRef(), reference);
}

/**
 * Signing up for Medicare Parts A and B (ADR 0015): the resident themself, verified, with
 * `actions:write`, in an enrollment period that is open today.
 */
@Resolver(() => ResidentActionsRef)
export class MedicareSignUpResolver {
  @Protect({ scopes: ['actions:write'], policies: ['assurance:verified'] })
  @Directive('@requires(fields: "birthDate")')
  @FieldResolver(() => MedicareEnrollment, {
    description:
      'Sign up for Medicare Parts A and B, in your Initial Enrollment Period or the General Enrollment Period (January to March); otherwise refused with OUTSIDE_ENROLLMENT_WINDOW and when you can. The same idempotencyKey again signs up once and answers with the enrollment.',
  })
  async signUpForMedicare(
    @Root() actions: ResidentActionsRef,
    @Arg('idempotencyKey', () => String, idempotencyKeyArg)
    idempotencyKey: string,
    @Ctx() { caller, clock, store }: CmsContext,
  ): Promise<MedicareEnrollment> {
    assertMayReadResident(caller, actions.residentId);
    const birthDate = required(
      actions.birthDate,
      `ResidentActions ${actions.residentId}: birthDate`,
    );
    checkedIdempotencyKey(idempotencyKey);
    const today = clock.today();
    await store.transaction().execute(async (trx) => {
      const claim = await claimActionKey(trx, {
        residentId: actions.residentId,
        key: idempotencyKey,
        action: 'signUpForMedicare',
        requestHash: 'parts-a-and-b',
      });
      if (claim === 'repeat') return;
      if (claim === 'conflict') {
        throw new ActionRefusedError(
          'IDEMPOTENCY_KEY_REUSED',
          'This idempotency key was already used for a different request. Send a new key for a new action.',
        );
      }
      const record = await createMedicareLoader(trx).load(actions.residentId);
      if (record.partA !== 'NOT_ENROLLED' || record.partB !== 'NOT_ENROLLED') {
        throw new ActionRefusedError(
          'ALREADY_APPLIED',
          'You are already signed up for Medicare (or your sign-up is being processed). Your Medicare status shows where it stands.',
        );
      }
      const window = medicareSignUpWindow(birthDate, today);
      if (!window.open) {
        throw new ActionRefusedError('OUTSIDE_ENROLLMENT_WINDOW', window.reason, {
          opensOn: window.opensOn,
        });
      }
      const ids = await linkResidents(trx, CMS_IDS, [actions.residentId]);
      const row = {
        part_a: 'PENDING' as const,
        part_b: 'PENDING' as const,
        changed_on: today,
        coverage_starts_on: window.coverageStartsOn,
      };
      await trx
        .insertInto('medicare_beneficiary')
        .values({ cms_id: ids.get(actions.residentId)!, ...row, enrolled_automatically: 0 })
        .onConflict((c) => c.column('cms_id').doUpdateSet(row))
        .execute();
    });
    const record = await createMedicareLoader(store).load(actions.residentId);
    return toMedicareEnrollment(actions.residentId, record, birthDate);
  }
}
