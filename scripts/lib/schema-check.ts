import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { validate } from 'graphql';
import { apiSchema } from './api-schema.js';
import { CompositionError, composeSubgraphs, type PrintedSubgraph } from './compose-supergraph.js';
import { explainCompositionError, type ExplainedCompositionError } from './composition-errors.js';
import { operationNames, type OperationFile } from './operations.js';

export interface SchemaCheckInput {
  /** The subgraph under check, with its SDL as its current code prints it. */
  candidate: PrintedSubgraph;
  /** Every other subgraph as checked in (schema/subgraphs/*.graphql): what the graph runs today. */
  others: readonly PrintedSubgraph[];
  /** The checked-in supergraph (schema/supergraph.graphql), the baseline clients rely on. */
  baselineSupergraphSdl: string;
  /** The repository's operations (examples, front-end operations). */
  operations: readonly OperationFile[];
}

export interface BrokenOperation {
  path: string;
  operations: string[];
  /** Why it no longer validates, as graphql-js says. */
  errors: string[];
}

export interface SchemaCheckReport {
  subgraph: string;
  /** Null when the candidate composes with the other subgraphs. */
  compositionErrors: ExplainedCompositionError[] | null;
  breaking: Change[];
  dangerous: Change[];
  safe: Change[];
  /** Operations valid against the baseline that the candidate graph would refuse. */
  brokenOperations: BrokenOperation[];
  /** False when the change would break the graph or any client: the command exits non-zero. */
  passed: boolean;
}

/**
 * Composes the graph with one subgraph's candidate SDL in place of the checked-in one, then compares
 * the client-facing schema with the checked-in supergraph's (`@graphql-inspector/core`) and
 * re-validates every repository operation against it.
 */
export async function checkSubgraphSchema(input: SchemaCheckInput): Promise<SchemaCheckReport> {
  const { candidate } = input;
  const empty = { breaking: [], dangerous: [], safe: [], brokenOperations: [] };
  let supergraphSdl: string;
  try {
    ({ supergraphSdl } = composeSubgraphs([
      ...input.others.filter((other) => other.name !== candidate.name),
      candidate,
    ]));
  } catch (error) {
    if (!(error instanceof CompositionError)) throw error;
    return {
      subgraph: candidate.name,
      compositionErrors: error.messages.map(explainCompositionError),
      ...empty,
      passed: false,
    };
  }

  const before = apiSchema(input.baselineSupergraphSdl);
  const after = apiSchema(supergraphSdl);
  const changes = await diff(before, after);
  const at = (level: CriticalityLevel) => changes.filter((c) => c.criticality.level === level);

  const brokenOperations = input.operations.flatMap((operation): BrokenOperation[] => {
    if (validate(before, operation.document).length > 0) return [];
    const errors = validate(after, operation.document);
    if (errors.length === 0) return [];
    return [
      {
        path: operation.path,
        operations: operationNames(operation.document),
        errors: errors.map((e) => e.message),
      },
    ];
  });
  const breaking = at(CriticalityLevel.Breaking);
  return {
    subgraph: candidate.name,
    compositionErrors: null,
    breaking,
    dangerous: at(CriticalityLevel.Dangerous),
    safe: at(CriticalityLevel.NonBreaking),
    brokenOperations,
    passed: breaking.length === 0 && brokenOperations.length === 0,
  };
}

/** The report as an agency team reads it in a terminal. */
export function formatSchemaCheckReport(report: SchemaCheckReport): string {
  const lines: string[] = [];
  const heading = (text: string) => lines.push('', text);
  if (report.compositionErrors) {
    heading(
      `✗ ${report.subgraph}: the graph does not compose with this subgraph's current code (${report.compositionErrors.length} problem(s)).`,
    );
    for (const problem of report.compositionErrors) {
      lines.push(
        `  • ${problem.explanation}`,
        `    [${problem.code}] ${problem.detail.replace(/\n/g, '\n    ')}`,
      );
    }
    return lines.join('\n').trimStart();
  }
  const list = (changes: Change[]) => {
    for (const change of changes)
      lines.push(`  • ${change.message}${change.path ? ` (${change.path})` : ''}`);
  };
  heading(
    `${report.passed ? '✓' : '✗'} ${report.subgraph}: composes; against schema/supergraph.graphql: ` +
      `${report.breaking.length} breaking, ${report.dangerous.length} dangerous, ${report.safe.length} safe change(s).`,
  );
  if (report.breaking.length) {
    heading('Breaking changes (clients that use these will fail):');
    list(report.breaking);
  }
  if (report.dangerous.length) {
    heading('Dangerous changes (valid, but clients may mishandle them, e.g. a new enum value):');
    list(report.dangerous);
  }
  if (report.safe.length) {
    heading('Safe changes:');
    list(report.safe);
  }
  if (report.brokenOperations.length) {
    heading('Repository operations that would break:');
    for (const broken of report.brokenOperations) {
      lines.push(`  • ${broken.path} (${broken.operations.join(', ')})`);
      for (const error of broken.errors) lines.push(`      ${error}`);
    }
  }
  if (!report.passed) {
    heading(
      'Keep the old field or type alongside the new one (mark it @deprecated with a reason), move the ' +
        'operations above, and remove it later; or, if the break is intended, agree it with the teams whose operations break.',
    );
  }
  return lines.join('\n').trimStart();
}
