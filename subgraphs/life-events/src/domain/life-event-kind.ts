/**
 * The life events the platform guides residents through. Declaration order is the catalog's
 * display order. More will follow (recovering from a disaster, facing a financial shock, …): a new kind
 * needs a value here and its catalog rows in a new migration.
 */
export enum LifeEventKind {
  TURNING_65 = 'TURNING_65',
  HAVING_A_CHILD = 'HAVING_A_CHILD',
  MOVING = 'MOVING',
  LEAVING_MILITARY = 'LEAVING_MILITARY',
}

/** Every kind, in catalog order. */
export const lifeEventKinds: readonly LifeEventKind[] = Object.values(LifeEventKind);
