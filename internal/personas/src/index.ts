export type * from './resident-facts.js';
export {
  personas,
  personaHandles,
  personaResidentId,
  findPersona,
  type PersonaHandle,
} from './personas.js';
export { vaClaimPhases } from './va-claim-phases.js';
