/**
 * The life-events platform store: the catalog of life events and their steps (reference data,
 * written by migrations) and the life events residents have told the platform about. It holds no
 * agency data and no birth date: TURNING_65 is derived per request from identity's birth date.
 */
export interface LifeEventsDatabase {
  life_event: {
    /** A `LifeEventKind` value. */
    kind: string;
    title: string;
    summary: string;
  };
  life_event_step: {
    life_event_kind: string;
    /** 1-based; most time-critical first. */
    position: number;
    title: string;
    why: string;
    /** An `Agency` value. */
    agency: string;
    /** GraphQL type name of the agency task, a member of the `JourneyTask` union. */
    task_type: string;
  };
  resident_life_event: {
    /** Platform resident id (life-events is a platform service: no agency link table). */
    resident_id: string;
    /** `HAVING_A_CHILD`, `MOVING` or `LEAVING_MILITARY`: only what the resident declares. TURNING_65 is never stored. */
    kind: string;
    /** The event's own date as the resident gave it: the child's birth date, or the move date. */
    event_date: string;
    /** The day the resident told the platform. */
    declared_on: string;
  };
}
