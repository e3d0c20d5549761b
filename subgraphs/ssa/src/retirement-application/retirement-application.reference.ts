import { assertMayReadResident } from '@resident-graph/federation';
import type { SsaContext } from '../context.js';
import { toRetirementApplication } from './retirement-application.js';
import type { RetirementApplication } from './retirement-application.type.js';

export async function resolveRetirementApplicationReference(
  reference: Pick<RetirementApplication, 'residentId'>,
  { caller, clock, loaders }: SsaContext,
): Promise<RetirementApplication> {
  // Load first, then authorize: every representation of one `_entities` request joins one batch.
  const record = await loaders.retirementApplicationByResidentId.load(reference.residentId);
  assertMayReadResident(caller, reference.residentId);
  // No birth date on this path (only CMS's task may `@requires` the resident), so the
  // NOT_STARTED wording is general; `Resident.retirementApplication` names the months.
  return toRetirementApplication(reference.residentId, record, {
    today: clock.today(),
    birthDate: null,
  });
}
