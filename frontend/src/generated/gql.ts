/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query LifeEventCatalog {\n  lifeEvents {\n    kind\n    title\n    summary\n    agencies\n  }\n}": typeof types.LifeEventCatalogDocument,
    "query LifeEventPage($event: LifeEventKind!) {\n  me {\n    givenName\n    journey(event: $event) {\n      event {\n        kind\n        title\n        summary\n      }\n      active\n      steps {\n        position\n        title\n        why\n        agency\n        task {\n          __typename\n          ... on AgencyTask {\n            title\n            status {\n              ...TaskStatus\n            }\n          }\n        }\n      }\n    }\n  }\n}\n\nfragment TaskStatus on Status {\n  code\n  label\n  description\n  nextSteps\n  expectedFrom\n  expectedBy\n  lastChangedOn\n  step\n  stepCount\n  actionRequired\n  actionDeadline\n}": typeof types.LifeEventPageDocument,
    "query RetirementEstimate {\n  me {\n    givenName\n    birthDate\n    socialSecurity {\n      fullRetirementAge {\n        years\n        months\n      }\n      fullRetirementDate\n      benefitEstimates {\n        claimingAge\n        monthlyAmount\n        percentOfFullBenefit\n      }\n    }\n  }\n}": typeof types.RetirementEstimateDocument,
};
const documents: Documents = {
    "query LifeEventCatalog {\n  lifeEvents {\n    kind\n    title\n    summary\n    agencies\n  }\n}": types.LifeEventCatalogDocument,
    "query LifeEventPage($event: LifeEventKind!) {\n  me {\n    givenName\n    journey(event: $event) {\n      event {\n        kind\n        title\n        summary\n      }\n      active\n      steps {\n        position\n        title\n        why\n        agency\n        task {\n          __typename\n          ... on AgencyTask {\n            title\n            status {\n              ...TaskStatus\n            }\n          }\n        }\n      }\n    }\n  }\n}\n\nfragment TaskStatus on Status {\n  code\n  label\n  description\n  nextSteps\n  expectedFrom\n  expectedBy\n  lastChangedOn\n  step\n  stepCount\n  actionRequired\n  actionDeadline\n}": types.LifeEventPageDocument,
    "query RetirementEstimate {\n  me {\n    givenName\n    birthDate\n    socialSecurity {\n      fullRetirementAge {\n        years\n        months\n      }\n      fullRetirementDate\n      benefitEstimates {\n        claimingAge\n        monthlyAmount\n        percentOfFullBenefit\n      }\n    }\n  }\n}": types.RetirementEstimateDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LifeEventCatalog {\n  lifeEvents {\n    kind\n    title\n    summary\n    agencies\n  }\n}"): (typeof documents)["query LifeEventCatalog {\n  lifeEvents {\n    kind\n    title\n    summary\n    agencies\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LifeEventPage($event: LifeEventKind!) {\n  me {\n    givenName\n    journey(event: $event) {\n      event {\n        kind\n        title\n        summary\n      }\n      active\n      steps {\n        position\n        title\n        why\n        agency\n        task {\n          __typename\n          ... on AgencyTask {\n            title\n            status {\n              ...TaskStatus\n            }\n          }\n        }\n      }\n    }\n  }\n}\n\nfragment TaskStatus on Status {\n  code\n  label\n  description\n  nextSteps\n  expectedFrom\n  expectedBy\n  lastChangedOn\n  step\n  stepCount\n  actionRequired\n  actionDeadline\n}"): (typeof documents)["query LifeEventPage($event: LifeEventKind!) {\n  me {\n    givenName\n    journey(event: $event) {\n      event {\n        kind\n        title\n        summary\n      }\n      active\n      steps {\n        position\n        title\n        why\n        agency\n        task {\n          __typename\n          ... on AgencyTask {\n            title\n            status {\n              ...TaskStatus\n            }\n          }\n        }\n      }\n    }\n  }\n}\n\nfragment TaskStatus on Status {\n  code\n  label\n  description\n  nextSteps\n  expectedFrom\n  expectedBy\n  lastChangedOn\n  step\n  stepCount\n  actionRequired\n  actionDeadline\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RetirementEstimate {\n  me {\n    givenName\n    birthDate\n    socialSecurity {\n      fullRetirementAge {\n        years\n        months\n      }\n      fullRetirementDate\n      benefitEstimates {\n        claimingAge\n        monthlyAmount\n        percentOfFullBenefit\n      }\n    }\n  }\n}"): (typeof documents)["query RetirementEstimate {\n  me {\n    givenName\n    birthDate\n    socialSecurity {\n      fullRetirementAge {\n        years\n        months\n      }\n      fullRetirementDate\n      benefitEstimates {\n        claimingAge\n        monthlyAmount\n        percentOfFullBenefit\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;