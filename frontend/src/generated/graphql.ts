/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A federal agency that owns part of the graph. */
export type Agency =
  /** Centers for Medicare & Medicaid Services */
  | 'CMS'
  /** Internal Revenue Service */
  | 'IRS'
  /** Social Security Administration */
  | 'SSA'
  /** Department of State (passports) */
  | 'STATE'
  /** United States Postal Service */
  | 'USPS'
  /** Department of Veterans Affairs */
  | 'VA';

/** A life event the platform guides residents through. */
export type LifeEventKind =
  /** Having a child: Social Security number, tax credit, passport. */
  | 'HAVING_A_CHILD'
  /** Leaving the military: VA disability compensation, GI Bill and health care, and the move home. */
  | 'LEAVING_MILITARY'
  /** Moving: telling each agency the new address. */
  | 'MOVING'
  /** Turning 65: Medicare, Social Security retirement, travel. */
  | 'TURNING_65';

export type LifeEventCatalogQueryVariables = Exact<{ [key: string]: never; }>;


export type LifeEventCatalogQuery = { lifeEvents: Array<{ kind: LifeEventKind, title: string, summary: string, agencies: Array<Agency> }> };

export type LifeEventPageQueryVariables = Exact<{
  event: LifeEventKind;
}>;


export type LifeEventPageQuery = { me: { givenName: string, journey: { active: boolean, event: { kind: LifeEventKind, title: string, summary: string }, steps: Array<{ position: number, title: string, why: string, agency: Agency, task:
          | { __typename: 'ChildPassportApplication', title: string, status: { code: string, label: string, description: string, nextSteps: Array<string>, expectedFrom: string | null, expectedBy: string | null, lastChangedOn: string | null, step: number | null, stepCount: number | null, actionRequired: boolean, actionDeadline: string | null } }
          | { __typename: 'ChildTaxCredit', title: string, status: { code: string, label: string, description: string, nextSteps: Array<string>, expectedFrom: string | null, expectedBy: string | null, lastChangedOn: string | null, step: number | null, stepCount: number | null, actionRequired: boolean, actionDeadline: string | null } }
          | { __typename: 'DisabilityClaim', title: string, status: { code: string, label: string, description: string, nextSteps: Array<string>, expectedFrom: string | null, expectedBy: string | null, lastChangedOn: string | null, step: number | null, stepCount: number | null, actionRequired: boolean, actionDeadline: string | null } }
          | { __typename: 'GiBill', title: string, status: { code: string, label: string, description: string, nextSteps: Array<string>, expectedFrom: string | null, expectedBy: string | null, lastChangedOn: string | null, step: number | null, stepCount: number | null, actionRequired: boolean, actionDeadline: string | null } }
          | { __typename: 'MailForwarding', title: string, status: { code: string, label: string, description: string, nextSteps: Array<string>, expectedFrom: string | null, expectedBy: string | null, lastChangedOn: string | null, step: number | null, stepCount: number | null, actionRequired: boolean, actionDeadline: string | null } }
          | { __typename: 'MedicareEnrollment', title: string, status: { code: string, label: string, description: string, nextSteps: Array<string>, expectedFrom: string | null, expectedBy: string | null, lastChangedOn: string | null, step: number | null, stepCount: number | null, actionRequired: boolean, actionDeadline: string | null } }
          | { __typename: 'NewbornSocialSecurityCard', title: string, status: { code: string, label: string, description: string, nextSteps: Array<string>, expectedFrom: string | null, expectedBy: string | null, lastChangedOn: string | null, step: number | null, stepCount: number | null, actionRequired: boolean, actionDeadline: string | null } }
          | { __typename: 'PassportRenewal', title: string, status: { code: string, label: string, description: string, nextSteps: Array<string>, expectedFrom: string | null, expectedBy: string | null, lastChangedOn: string | null, step: number | null, stepCount: number | null, actionRequired: boolean, actionDeadline: string | null } }
          | { __typename: 'RetirementApplication', title: string, status: { code: string, label: string, description: string, nextSteps: Array<string>, expectedFrom: string | null, expectedBy: string | null, lastChangedOn: string | null, step: number | null, stepCount: number | null, actionRequired: boolean, actionDeadline: string | null } }
          | { __typename: 'SocialSecurityAddressUpdate', title: string, status: { code: string, label: string, description: string, nextSteps: Array<string>, expectedFrom: string | null, expectedBy: string | null, lastChangedOn: string | null, step: number | null, stepCount: number | null, actionRequired: boolean, actionDeadline: string | null } }
          | { __typename: 'TaxAddressChange', title: string, status: { code: string, label: string, description: string, nextSteps: Array<string>, expectedFrom: string | null, expectedBy: string | null, lastChangedOn: string | null, step: number | null, stepCount: number | null, actionRequired: boolean, actionDeadline: string | null } }
          | { __typename: 'TaxRefund', title: string, status: { code: string, label: string, description: string, nextSteps: Array<string>, expectedFrom: string | null, expectedBy: string | null, lastChangedOn: string | null, step: number | null, stepCount: number | null, actionRequired: boolean, actionDeadline: string | null } }
          | { __typename: 'VaHealthCareEnrollment', title: string, status: { code: string, label: string, description: string, nextSteps: Array<string>, expectedFrom: string | null, expectedBy: string | null, lastChangedOn: string | null, step: number | null, stepCount: number | null, actionRequired: boolean, actionDeadline: string | null } }
         | null }> } } | null };

export type TaskStatusFragment = { code: string, label: string, description: string, nextSteps: Array<string>, expectedFrom: string | null, expectedBy: string | null, lastChangedOn: string | null, step: number | null, stepCount: number | null, actionRequired: boolean, actionDeadline: string | null };

export type RetirementEstimateQueryVariables = Exact<{ [key: string]: never; }>;


export type RetirementEstimateQuery = { me: { givenName: string, birthDate: string, socialSecurity: { fullRetirementDate: string, fullRetirementAge: { years: number, months: number }, benefitEstimates: Array<{ claimingAge: number, monthlyAmount: number | null, percentOfFullBenefit: number }> } | null } | null };

export const TaskStatusFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskStatus"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Status"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"nextSteps"}},{"kind":"Field","name":{"kind":"Name","value":"expectedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"expectedBy"}},{"kind":"Field","name":{"kind":"Name","value":"lastChangedOn"}},{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"stepCount"}},{"kind":"Field","name":{"kind":"Name","value":"actionRequired"}},{"kind":"Field","name":{"kind":"Name","value":"actionDeadline"}}]}}]} as unknown as DocumentNode<TaskStatusFragment, unknown>;
export const LifeEventCatalogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LifeEventCatalog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lifeEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"agencies"}}]}}]}}]} as unknown as DocumentNode<LifeEventCatalogQuery, LifeEventCatalogQueryVariables>;
export const LifeEventPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LifeEventPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"event"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LifeEventKind"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"journey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"event"},"value":{"kind":"Variable","name":{"kind":"Name","value":"event"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"why"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AgencyTask"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskStatus"}}]}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskStatus"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Status"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"nextSteps"}},{"kind":"Field","name":{"kind":"Name","value":"expectedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"expectedBy"}},{"kind":"Field","name":{"kind":"Name","value":"lastChangedOn"}},{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"stepCount"}},{"kind":"Field","name":{"kind":"Name","value":"actionRequired"}},{"kind":"Field","name":{"kind":"Name","value":"actionDeadline"}}]}}]} as unknown as DocumentNode<LifeEventPageQuery, LifeEventPageQueryVariables>;
export const RetirementEstimateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RetirementEstimate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"socialSecurity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fullRetirementAge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"years"}},{"kind":"Field","name":{"kind":"Name","value":"months"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fullRetirementDate"}},{"kind":"Field","name":{"kind":"Name","value":"benefitEstimates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claimingAge"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyAmount"}},{"kind":"Field","name":{"kind":"Name","value":"percentOfFullBenefit"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RetirementEstimateQuery, RetirementEstimateQueryVariables>;