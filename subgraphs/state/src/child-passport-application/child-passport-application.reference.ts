import { assertMayReadResident } from '@resident-graph/federation';
import type { StateContext } from '../context.js';
import {
  toChildPassportApplication,
  type ChildPassportApplication,
} from './child-passport-application.type.js';

export async function resolveChildPassportApplicationReference(
  reference: Pick<ChildPassportApplication, 'residentId'>,
  { caller, loaders }: StateContext,
): Promise<ChildPassportApplication> {
  // Load first, then authorize: every representation of one `_entities` request joins one batch.
  const application = await loaders.childPassportApplicationByResident.load(reference.residentId);
  assertMayReadResident(caller, reference.residentId);
  return toChildPassportApplication(reference.residentId, application);
}
