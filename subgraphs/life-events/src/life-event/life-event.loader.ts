import type { Agency } from '@resident-graph/federation';
import {
  groupedInKeyOrder,
  inKeyOrder,
  MAX_KEYS_PER_QUERY,
  type Kysely,
  type Selectable,
} from '@resident-graph/store';
import DataLoader from 'dataloader';
import { isJourneyTaskType } from '../domain/journey-task-type.js';
import type { LifeEventKind } from '../domain/life-event-kind.js';
import type { LifeEventsDatabase } from '../store/database.js';
import { LifeEvent, LifeEventStep } from './life-event.type.js';

type LifeEventRow = Selectable<LifeEventsDatabase['life_event']>;
type LifeEventStepRow = Selectable<LifeEventsDatabase['life_event_step']>;

/** Catalog entries by kind: one query per request, however many are asked for. */
export function createLifeEventLoader(db: Kysely<LifeEventsDatabase>) {
  return new DataLoader<LifeEventKind, LifeEvent | null>(
    async (kinds) => {
      const rows = await db
        .selectFrom('life_event')
        .selectAll()
        .where('kind', 'in', [...kinds])
        .execute();
      return inKeyOrder(kinds, rows, (row) => row.kind as LifeEventKind).map((row) =>
        row ? toLifeEvent(row) : null,
      );
    },
    { maxBatchSize: MAX_KEYS_PER_QUERY },
  );
}

/** Each life event's steps in order: one query per request. */
export function createLifeEventStepsLoader(db: Kysely<LifeEventsDatabase>) {
  return new DataLoader<LifeEventKind, LifeEventStep[]>(
    async (kinds) => {
      const rows = await db
        .selectFrom('life_event_step')
        .selectAll()
        .where('life_event_kind', 'in', [...kinds])
        .orderBy('life_event_kind')
        .orderBy('position')
        .execute();
      return groupedInKeyOrder(kinds, rows, (row) => row.life_event_kind as LifeEventKind).map(
        (steps) => steps.map(toLifeEventStep),
      );
    },
    { maxBatchSize: MAX_KEYS_PER_QUERY },
  );
}

function toLifeEvent(row: LifeEventRow): LifeEvent {
  return Object.assign(new LifeEvent(), {
    kind: row.kind as LifeEventKind,
    title: row.title,
    summary: row.summary,
  });
}

function toLifeEventStep(row: LifeEventStepRow): LifeEventStep {
  // The union's resolveType trusts this name, so a catalog row naming an unknown type is a defect
  // to surface (logged, masked), not a task to send to the wrong agency.
  if (!isJourneyTaskType(row.task_type)) {
    throw new Error(
      `catalog step ${row.life_event_kind}#${row.position} names unknown task type ${row.task_type}`,
    );
  }
  return Object.assign(new LifeEventStep(), {
    position: row.position,
    title: row.title,
    why: row.why,
    agency: row.agency as Agency,
    taskType: row.task_type,
  });
}
