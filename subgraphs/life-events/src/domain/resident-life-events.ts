import type { IsoDate } from '@resident-graph/calendar';
import { LifeEventKind, lifeEventKinds } from './life-event-kind.js';
import {
  havingAChildWindow,
  isWithin,
  leavingMilitaryWindow,
  movingWindow,
  turning65Window,
  type LifeEventWindow,
} from './life-event-window.js';

/**
 * The life events a resident tells the platform about ("I'm having a child", "I'm moving", "I'm
 * leaving the military").
 */
export type DeclaredLifeEventKind =
  LifeEventKind.HAVING_A_CHILD | LifeEventKind.MOVING | LifeEventKind.LEAVING_MILITARY;

export const declaredLifeEventKinds: readonly DeclaredLifeEventKind[] = [
  LifeEventKind.HAVING_A_CHILD,
  LifeEventKind.MOVING,
  LifeEventKind.LEAVING_MILITARY,
];

export function isDeclaredLifeEventKind(kind: string): kind is DeclaredLifeEventKind {
  return (declaredLifeEventKinds as readonly string[]).includes(kind);
}

/**
 * What a resident told the platform about a life event: the event's own date as they gave it (the
 * child's birth date, due or actual; the move date; the separation date) and the day they told us. This is the only
 * resident data life-events keeps; it is the resident's own word, never an agency's record.
 * TURNING_65 is never declared: it follows from the identity-owned birth date, asked for per request.
 */
export interface LifeEventDeclaration {
  kind: DeclaredLifeEventKind;
  eventDate: IsoDate;
  declaredOn: IsoDate;
}

/** The days a declared life event is under way, from its own date. */
export function declaredEventWindow({ kind, eventDate }: LifeEventDeclaration): LifeEventWindow {
  switch (kind) {
    case LifeEventKind.HAVING_A_CHILD:
      return havingAChildWindow(eventDate);
    case LifeEventKind.MOVING:
      return movingWindow(eventDate);
    case LifeEventKind.LEAVING_MILITARY:
      return leavingMilitaryWindow(eventDate);
  }
}

/**
 * The life events a resident is going through on `today`, in catalog order: TURNING_65 from the
 * birth date (identity's, sent by the gateway for this request only), the others from what the
 * resident declared. Whether a declaration was made on or before `today` does not matter: the
 * window belongs to the event, and the resident can only have told us of it already.
 */
export function activeLifeEventKinds(
  birthDate: IsoDate,
  declarations: readonly LifeEventDeclaration[],
  today: IsoDate,
): LifeEventKind[] {
  const active = new Set<LifeEventKind>();
  if (isWithin(turning65Window(birthDate), today)) active.add(LifeEventKind.TURNING_65);
  for (const declaration of declarations) {
    if (isWithin(declaredEventWindow(declaration), today)) active.add(declaration.kind);
  }
  return lifeEventKinds.filter((kind) => active.has(kind));
}
