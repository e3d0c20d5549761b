import type { IsoDate } from '@resident-graph/calendar';
import { assertMayReadResident } from '@resident-graph/federation';
import type { VaContext } from '../context.js';
import type { VaRecord } from '../domain/military-service.js';

/**
 * A reference resolver for a VA task keyed by `residentId`: load first, then authorize, so every
 * representation of one `_entities` request joins one batch.
 */
export function resolveVaTaskReference<Task>(
  toTask: (residentId: string, record: VaRecord, today: IsoDate) => Task,
) {
  return async (
    reference: { residentId: string },
    { caller, clock, loaders }: VaContext,
  ): Promise<Task> => {
    const record = await loaders.recordByResident.load(reference.residentId);
    assertMayReadResident(caller, reference.residentId);
    return toTask(reference.residentId, record, clock.today());
  };
}
