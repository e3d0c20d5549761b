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
export { isPolicy, isScope, policies, scopes, type Policy, type Scope } from './vocabulary.js';
