export { checkAccess, refusalError, type Refusal } from './check.js';
export {
  ClientRegistryError,
  createClientRegistry,
  loadClientRegistry,
  type ClientRegistry,
  type RegisteredClient,
} from './clients.js';
export {
  combine,
  describeRequirement,
  isOpen,
  NO_REQUIREMENT,
  type Requirement,
} from './requirement.js';
export {
  AccessRuleError,
  accessRulesFromSdl,
  AUTHORIZATION_DIRECTIVES,
  type AccessRules,
} from './rules.js';
export {
  GATEWAY_SERVICE_SCOPE,
  isPolicy,
  isScope,
  policies,
  scopes,
  staffAgencies,
  staffAgencyOf,
  type Policy,
  type Scope,
  type StaffAgency,
} from './vocabulary.js';
