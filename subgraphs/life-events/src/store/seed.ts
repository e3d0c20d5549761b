import { addDays, type IsoDate } from '@resident-graph/calendar';
import type { ResidentFacts } from '@resident-graph/personas';
import { insertIgnoringExisting, type Kysely } from '@resident-graph/store';
import { LifeEventKind } from '../domain/life-event-kind.js';
import type { LifeEventDeclaration } from '../domain/resident-life-events.js';
import type { LifeEventsDatabase } from './database.js';

/**
 * Writes what each synthetic resident has told the platform ("I'm having a child", "I'm moving");
 * the catalog is a migration, and TURNING_65 is never written (it follows from identity's birth
 * date, per request).
 */
export async function seedLifeEvents(
  db: Kysely<LifeEventsDatabase>,
  residents: readonly ResidentFacts[],
): Promise<void> {
  const rows = residents.flatMap((facts) =>
    simulatedDeclarations(facts).map((declaration) => ({
      resident_id: facts.id,
      kind: declaration.kind,
      event_date: declaration.eventDate,
      declared_on: declaration.declaredOn,
    })),
  );
  await db.transaction().execute(async (trx) => {
    await insertIgnoringExisting(trx, 'resident_life_event', rows);
  });
}

/**
 * Stands in for the resident filling in the platform's "I'm having a child" / "I'm moving" form.
 * The seed only knows the residents through their facts, so it reads from them only what a person
 * knows and would tell us about their own life, and never an agency's record of it:
 *
 * - the child's birth date, from the newborn's details on SSA's hospital birth form or on State's
 *   child passport application. Never the IRS child tax credit: that is tax return information,
 *   which leaves the IRS only with the taxpayer's consent (26 U.S.C. 6103). Told on the day of the
 *   birth, as a parent registering a newborn would.
 * - the move date, the day the resident said their mail should follow them (USPS `effectiveOn`).
 *   Never the IRS Form 8822 (tax return information again) nor SSA's dates, which record when an
 *   agency was told and processed it, not when the resident moves. Told on the day they asked for
 *   their mail to be forwarded (`submittedOn`), the day the resident started telling agencies.
 * - the separation date, which a service member knows from their orders.
 */
export function simulatedDeclarations({
  ssa,
  state,
  usps,
  va,
}: ResidentFacts): LifeEventDeclaration[] {
  const declarations: LifeEventDeclaration[] = [];
  const births = [ssa.newbornCard?.birthDate, state.childApplication?.childBirthDate].filter(
    (date): date is IsoDate => date !== undefined,
  );
  if (births.length > 0) {
    // The most recent child is the one the journey is about.
    const birth = births.reduce((a, b) => (b > a ? b : a));
    declarations.push({ kind: LifeEventKind.HAVING_A_CHILD, eventDate: birth, declaredOn: birth });
  }
  if (usps.changeOfAddress) {
    declarations.push({
      kind: LifeEventKind.MOVING,
      eventDate: usps.changeOfAddress.effectiveOn,
      declaredOn: usps.changeOfAddress.submittedOn,
    });
  }
  if (va.service) {
    // The separation date is the service member's own (on their orders). Told when a disability
    // claim can first be filed (180 days before it), as the transition programme suggests.
    declarations.push({
      kind: LifeEventKind.LEAVING_MILITARY,
      eventDate: va.service.separationOn,
      declaredOn: addDays(va.service.separationOn, -180),
    });
  }
  return declarations;
}

/**
 * Whether the store holds seed data. Only residents who declared something have rows, so a world
 * where nobody has a child or moves reads as unseeded; re-seeding it is harmless (nothing to write).
 */
export async function isLifeEventsSeeded(db: Kysely<LifeEventsDatabase>): Promise<boolean> {
  return (
    (await db
      .selectFrom('resident_life_event')
      .select('resident_id')
      .limit(1)
      .executeTakeFirst()) !== undefined
  );
}
