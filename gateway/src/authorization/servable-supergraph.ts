import { accessRulesFromSdl, type AccessRules } from '@resident-graph/authorization';
import { Kind, parse, print, visit, type DirectiveNode } from 'graphql';

/** The specs `@apollo/gateway` refuses to load (`for: SECURITY`); their enforcement is ours. */
const SECURITY_SPECS = ['authenticated', 'requiresScopes', 'policy'] as const;
const securityDirectives = new Set<string>(SECURITY_SPECS);
/** Scalars the specs define for their arguments. */
const securityScalars = new Set(['requiresScopes__Scope', 'policy__Policy']);

export interface ServableSupergraph {
  /** The supergraph without the security specs, which `@apollo/gateway` loads. */
  readonly sdl: string;
  /** Who may read what, read from the security directives before they were taken out. */
  readonly rules: AccessRules;
}

/**
 * Splits a composed supergraph into what `@apollo/gateway` can load and the access rules it carries.
 * The gateway (2.14) refuses any supergraph that links a `for: SECURITY` spec it does not implement,
 * so the rules are read first and the specs removed: their `@link`s, definitions and every use.
 * Nothing else changes, so the query planner sees the same graph. Throws on rules that name unknown
 * scopes or policies: a graph whose rules cannot be enforced must not be served.
 */
export function servableSupergraph(supergraphSdl: string): ServableSupergraph {
  const document = parse(supergraphSdl);
  const rules = accessRulesFromSdl(document);
  const isSecurityLink = (directive: DirectiveNode) => {
    if (directive.name.value !== 'link') return false;
    const url = directive.arguments?.find((a) => a.name.value === 'url')?.value;
    return (
      url?.kind === Kind.STRING &&
      SECURITY_SPECS.some((spec) => url.value.startsWith(`https://specs.apollo.dev/${spec}/`))
    );
  };
  const servable = visit(document, {
    Directive(node) {
      return securityDirectives.has(node.name.value) || isSecurityLink(node) ? null : undefined;
    },
    DirectiveDefinition(node) {
      return securityDirectives.has(node.name.value) ? null : undefined;
    },
    ScalarTypeDefinition(node) {
      return securityScalars.has(node.name.value) ? null : undefined;
    },
  });
  return { sdl: print(servable), rules };
}
