import {
  Agency,
  assertMayReadResident,
  Protect,
  requireResident,
  checkedIdempotencyKey,
  idempotencyKeyArg,
} from '@resident-graph/federation';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { LifeEventsContext } from '../context.js';
import { deliveryStatus } from '../domain/delivery-status.js';
import { checkedBirthDeclaration } from '../domain/birth-declaration.js';
import { checkedMoveDeclaration } from '../domain/move-declaration.js';
import type { JourneyTaskType } from '../domain/journey-task-type.js';
import { journeyTask } from '../journey-task/journey-task.type.js';
import { ResidentRef } from '../resident/resident.ref.js';
import {
  recordBirthDeclaration,
  recordMoveDeclaration,
  type DeclarationRow,
  type NotificationRow,
} from './declaration.store.js';
import {
  Declaration,
  DeclarationKind,
  DeclarationNotification,
  ReportBirthInput,
  ReportMoveInput,
} from './declaration.type.js';

/**
 * Acting for the resident is the resident's own act, at a verified identity: the
 * `actions:write` scope (first-party applications only) and the `assurance:verified` policy.
 */
const residentActions = {
  scopes: ['actions:write'],
  policies: ['assurance:verified'],
} as const;

/** Reading them back is part of the resident's journeys. */
const journeys = { scopes: ['journey:read'] } as const;

/** The agency task a move notice feeds, where the agency keeps one in the MOVING journey. */
const moveTasks: Partial<Record<Agency, JourneyTaskType>> = {
  [Agency.USPS]: 'MailForwarding',
  [Agency.IRS]: 'TaxAddressChange',
  [Agency.SSA]: 'SocialSecurityAddressUpdate',
};

/** The agency task a birth notice feeds, in the HAVING_A_CHILD journey. */
const birthTasks: Partial<Record<Agency, JourneyTaskType>> = {
  [Agency.SSA]: 'NewbornSocialSecurityCard',
  [Agency.IRS]: 'ChildTaxCredit',
  [Agency.STATE]: 'ChildPassportApplication',
};

const tasksByKind: Record<DeclarationKind, Partial<Record<Agency, JourneyTaskType>>> = {
  [DeclarationKind.MOVE]: moveTasks,
  [DeclarationKind.BIRTH]: birthTasks,
};

@Resolver(() => Declaration)
export class DeclarationResolver {
  @Protect(residentActions)
  @Mutation(() => Declaration, {
    description:
      'Tell us once that you are moving: every agency chosen gets your new address, and `notifications` shows what each made of it. Sending the same idempotencyKey again (a retry) records nothing new and answers with the same declaration.',
  })
  async reportMove(
    @Arg('input', () => ReportMoveInput) input: ReportMoveInput,
    @Arg('idempotencyKey', () => String, idempotencyKeyArg)
    idempotencyKey: string,
    @Ctx() { caller, clock, store }: LifeEventsContext,
  ): Promise<Declaration> {
    const residentId = requireResident(caller);
    const key = checkedIdempotencyKey(idempotencyKey);
    const move = checkedMoveDeclaration(input, clock.today());
    return toDeclaration(await recordMoveDeclaration(store, residentId, key, move, clock.today()));
  }

  @Protect(residentActions)
  @Mutation(() => Declaration, {
    description:
      'Tell us once that your child was born: Social Security (the newborn’s card), the IRS (the child tax credit) and the Department of State (the child’s first passport) are told, and `notifications` shows what each made of it. The same idempotencyKey again answers with the same declaration.',
  })
  async reportBirth(
    @Arg('input', () => ReportBirthInput) input: ReportBirthInput,
    @Arg('idempotencyKey', () => String, idempotencyKeyArg)
    idempotencyKey: string,
    @Ctx() { caller, clock, store }: LifeEventsContext,
  ): Promise<Declaration> {
    const residentId = requireResident(caller);
    const key = checkedIdempotencyKey(idempotencyKey);
    const birth = checkedBirthDeclaration(input, clock.today());
    return toDeclaration(
      await recordBirthDeclaration(store, residentId, key, birth, clock.today()),
    );
  }

  @FieldResolver(() => [DeclarationNotification])
  async notifications(
    @Root() declaration: Declaration,
    @Ctx() { loaders }: LifeEventsContext,
  ): Promise<DeclarationNotification[]> {
    const rows = await loaders.notificationsByDeclaration.load(declaration.id);
    return rows.map((row) => toNotification(row, declaration));
  }
}

@Resolver(() => ResidentRef)
export class ResidentDeclarationsResolver {
  @Protect(journeys)
  @FieldResolver(() => [Declaration], {
    description: 'What this resident told us once for every agency, newest first.',
  })
  async declarations(
    @Root() resident: ResidentRef,
    @Ctx() { caller, loaders }: LifeEventsContext,
  ): Promise<Declaration[]> {
    assertMayReadResident(caller, resident.id);
    const rows = await loaders.residentDeclarations.load(resident.id);
    return rows.map(toDeclaration);
  }
}

/** One agency's notice of `declaration`: its delivery status, and the agency task it feeds. */
export function toNotification(
  row: NotificationRow,
  declaration: Declaration,
): DeclarationNotification {
  const agency = row.agency as Agency;
  const taskType = tasksByKind[declaration.kind][agency];
  return Object.assign(new DeclarationNotification(), {
    id: row.id,
    agency,
    delivery: deliveryStatus({
      agency,
      status: row.status,
      reason: row.reason,
      published: row.published_at !== null,
      outcomeOn: row.outcome_at?.slice(0, 10) ?? null,
      declaredOn: declaration.declaredOn,
    }),
    task: taskType ? journeyTask(taskType, declaration.residentId) : null,
  });
}

export function toDeclaration(row: DeclarationRow): Declaration {
  return Object.assign(new Declaration(), {
    id: row.id,
    residentId: row.resident_id,
    kind: row.kind as DeclarationKind,
    eventDate: row.event_date,
    declaredOn: row.declared_on,
    declaredAt: row.declared_at,
  });
}
