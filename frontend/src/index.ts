// The front-end teams' operations as typed documents: `LifeEventPageDocument` carries its result and
// variables types, so a GraphQL client infers both. Generated from frontend/operations/*.graphql by
// `npm run codegen`; edit the .graphql files, never the generated ones.
export * from './generated/graphql.js';
