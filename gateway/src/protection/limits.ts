/** What one request may ask of the graph; every value comes from config (see config.ts). */
export interface OperationLimits {
  /** Deepest field nesting (fragments count as their fields). Default 10. */
  readonly maxDepth: number;
  /** Aliases in one operation. Default 15. */
  readonly maxAliases: number;
  /** Directives in one operation. Default 20. */
  readonly maxDirectives: number;
  /** Lexical tokens in the document; refused before parsing finishes. Default 2000. */
  readonly maxTokens: number;
  /** Top-level fields of one operation. Default 10. */
  readonly maxRootFields: number;
  /** Estimated cost: 1 per field, lists counted as `assumedListSize` items. Default 5000. */
  readonly maxCost: number;
  /** How many items a list is assumed to hold when no `first`/`limit` argument says. Default 10. */
  readonly assumedListSize: number;
  /** Nesting of the variables' JSON. Default 8. */
  readonly maxVariableDepth: number;
  /** Request body size, in bytes (413 beyond). Default 262144 (256 KiB). */
  readonly maxBodyBytes: number;
}

export const DEFAULT_LIMITS: OperationLimits = Object.freeze({
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2000,
  maxRootFields: 10,
  maxCost: 5000,
  assumedListSize: 10,
  maxVariableDepth: 8,
  maxBodyBytes: 256 * 1024,
});
