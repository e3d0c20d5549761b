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
  /**
   * What a resident asked the platform to tell agencies (tell us once, ADR 0014): written with its
   * notifications in one transaction, so a declaration is never recorded without them.
   */
  declaration: {
    /** `dcl_<uuid>`. */
    id: string;
    resident_id: string;
    /** `MOVE` or `BIRTH`. */
    kind: string;
    /** The resident's key for this action: the same key twice makes one declaration. */
    idempotency_key: string;
    /** SHA-256 of the normalised input: tells a retry from a different action under one key. */
    request_hash: string;
    /** The event's own date (the move date, the child's birth date). */
    event_date: string;
    /** JSON of what the resident declared (e.g. the new address), as the agencies receive it. */
    details: string;
    declared_on: string;
    /** ISO instant; orders a resident's declarations newest first. */
    declared_at: string;
  };
  /**
   * The transactional outbox: one row per agency told. `published_at` is when the relay last put
   * it on Redis; a row without an outcome is published again until an agency answers.
   */
  declaration_notification: {
    /** `ntf_<uuid>`; what the agency applies idempotently. */
    id: string;
    declaration_id: string;
    /** An `Agency` value. */
    agency: string;
    /** PENDING until the agency's outcome: APPLIED, REFUSED or FAILED. */
    status: string;
    /** The agency's plain-language reason for REFUSED or FAILED. */
    reason: string | null;
    published_at: string | null;
    outcome_at: string | null;
    /** Position in the declaration's agency list. */
    position: number;
  };
  /**
   * The outbox's notice to identity, one per declaration (ADR 0017): identity records a disclosure
   * per agency told in the resident's log. Relayed like the agencies' notifications.
   */
  declaration_accounting: {
    /** `acc_<uuid>`; what identity applies idempotently. */
    id: string;
    declaration_id: string;
    /** JSON of the `DisclosureNotice`: the agencies told, their notification ids, the fields sent. */
    payload: string;
    /** PENDING until identity's outcome: APPLIED, or FAILED after its retries. */
    status: string;
    reason: string | null;
    published_at: string | null;
    outcome_at: string | null;
  };
  /** What the resident hears when an agency acts on what they told us (me.notifications). */
  resident_notification: {
    /** `msg_<uuid>`. */
    id: string;
    resident_id: string;
    /** The agency notice this is news of. */
    declaration_notification_id: string | null;
    /** An `Agency` value. */
    agency: string;
    title: string;
    body: string;
    /** 1 when the resident must do something. */
    action_required: number;
    /** ISO instant; the feed is newest first. */
    created_at: string;
    /** ISO instant the resident marked it read; null while unread. */
    read_at: string | null;
  };
}
