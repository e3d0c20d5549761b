/**
 * The life-events platform store: the catalog of life events and their steps (reference data,
 * written by migrations) and each resident's life events (written by the seed).
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
    kind: string;
    /** First day the event is active. */
    started_on: string;
    /** Last day the event is active; null while the records that show it remain. */
    ends_on: string | null;
  };
}
