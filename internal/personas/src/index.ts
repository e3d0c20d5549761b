export type * from './resident-facts.js';
export {
  personas,
  personaHandles,
  personaResidentId,
  findPersona,
  type PersonaHandle,
} from './personas.js';
export {
  generateResidentBlock,
  generateResidents,
  generatedResidentId,
  RESIDENT_BLOCK,
} from './generate.js';
export { vaClaimPhases } from './va-claim-phases.js';

import type { IsoDate } from '@resident-graph/calendar';
import { personas } from './personas.js';
import { generateResidents } from './generate.js';
import type { ResidentFacts } from './resident-facts.js';

/** The personas followed by `generated` synthetic residents: what every agency seeds, in the same order. */
export function* seedResidents(asOf: IsoDate, generated: number): Generator<ResidentFacts> {
  yield* personas(asOf);
  yield* generateResidents(generated, asOf);
}
