import { assertMayReadResident, Protect, required, type Agency } from '@resident-graph/federation';
import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { LifeEventsContext } from '../context.js';
import { toDeclaration, toNotification } from '../declaration/declaration.resolver.js';
import { DeclarationKind, type DeclarationNotification } from '../declaration/declaration.type.js';
import { LifeEventKind } from '../domain/life-event-kind.js';
import { activeLifeEventKinds } from '../domain/resident-life-events.js';
import { journeyTask } from '../journey-task/journey-task.type.js';
import { ResidentRef } from '../resident/resident.ref.js';
import { Journey, JourneyStep } from './journey.type.js';

/**
 * TURNING_65 is derived from identity's birth date, which the gateway fetches and sends with each
 * representation; nothing about it is stored here. `journey` needs it for `active`.
 */
const REQUIRES_BIRTH_DATE = '@requires(fields: "birthDate")';

/** The declaration kinds a life event's steps carry news of (tell us once). */
const declarationsOf: Partial<Record<LifeEventKind, DeclarationKind>> = {
  [LifeEventKind.HAVING_A_CHILD]: DeclarationKind.BIRTH,
  [LifeEventKind.MOVING]: DeclarationKind.MOVE,
  [LifeEventKind.LEAVING_MILITARY]: DeclarationKind.MOVE,
};

/** Each agency's notice of the resident's latest declaration that matters to this journey. */
async function latestNotices(
  residentId: string,
  kind: LifeEventKind,
  loaders: LifeEventsContext['loaders'],
): Promise<Map<Agency, DeclarationNotification>> {
  const declarationKind = declarationsOf[kind];
  if (!declarationKind) return new Map();
  // Newest first: the latest declaration of the kind is what the agencies act on now.
  const latest = (await loaders.residentDeclarations.load(residentId)).find(
    (row) => row.kind === String(declarationKind),
  );
  if (!latest) return new Map();
  const declaration = toDeclaration(latest);
  const rows = await loaders.notificationsByDeclaration.load(latest.id);
  return new Map(rows.map((row) => [row.agency as Agency, toNotification(row, declaration)]));
}

/** A resident's journeys are theirs: the journey:read scope. */
const journeys = { scopes: ['journey:read'] } as const;

/**
 * The fields life-events adds to identity's Resident. Each authorizes before it loads (as every
 * agency does), so another resident's declarations never leave the store; batching is proven on the
 * loaders themselves (context.test.ts).
 */
@Resolver(() => ResidentRef)
export class ResidentJourneyResolver {
  @Protect(journeys)
  @Directive(REQUIRES_BIRTH_DATE)
  @FieldResolver(() => Journey, {
    description: 'This resident’s way through a life event, step by step, with each agency task.',
  })
  async journey(
    @Root() resident: ResidentRef,
    @Arg('event', () => LifeEventKind) kind: LifeEventKind,
    @Ctx() { caller, clock, loaders }: LifeEventsContext,
  ): Promise<Journey> {
    assertMayReadResident(caller, resident.id);
    const [event, steps, declarations] = await Promise.all([
      loaders.lifeEventByKind.load(kind),
      loaders.stepsByLifeEvent.load(kind),
      loaders.declarationsByResident.load(resident.id),
    ]);
    // Every kind in the enum has catalog rows from a migration; a gap is a deployment defect.
    if (!event) throw new Error(`life event ${kind} is missing from the catalog`);
    const birthDate = required(resident.birthDate, `Resident ${resident.id}: birthDate`);
    const notices = await latestNotices(resident.id, kind, loaders);
    return Object.assign(new Journey(), {
      event,
      active: activeLifeEventKinds(birthDate, declarations, clock.today()).includes(kind),
      steps: steps.map((step) =>
        Object.assign(new JourneyStep(), {
          position: step.position,
          title: step.title,
          why: step.why,
          agency: step.agency,
          task: journeyTask(step.taskType, resident.id),
          notice: notices.get(step.agency) ?? null,
        }),
      ),
    });
  }

  @Protect(journeys)
  @Directive(REQUIRES_BIRTH_DATE)
  @FieldResolver(() => [LifeEventKind], {
    description: 'The life events this resident is going through now, in catalog order.',
  })
  async activeLifeEvents(
    @Root() resident: ResidentRef,
    @Ctx() { caller, clock, loaders }: LifeEventsContext,
  ): Promise<LifeEventKind[]> {
    assertMayReadResident(caller, resident.id);
    const declarations = await loaders.declarationsByResident.load(resident.id);
    return activeLifeEventKinds(
      required(resident.birthDate, `Resident ${resident.id}: birthDate`),
      declarations,
      clock.today(),
    );
  }
}
