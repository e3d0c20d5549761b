/** Everything a request from the IDE consists of, as the editors hold it. */
export interface IdeRequest {
  /** Absolute URL of the GraphQL endpoint. */
  url: string;
  query: string;
  /** The variables editor's text (JSON); blank means none. */
  variables?: string;
  operationName?: string;
  /** The headers editor's text (a JSON object); blank means none. */
  headers?: string;
}

/** Quotes for a POSIX shell: single quotes, with each `'` written as `'\''`. */
const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

function parseJsonObject(text: string | undefined, what: string): Record<string, unknown> {
  if (!text?.trim()) return {};
  const parsed: unknown = JSON.parse(text);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`${what} must be a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

/**
 * The request as a `curl` command that sends exactly what the IDE would: a JSON POST with the
 * editors' headers. Throws when the variables or headers are not JSON objects (the IDE says so).
 */
export function curlCommand(request: IdeRequest): string {
  const variables = parseJsonObject(request.variables, 'Variables');
  const headers = parseJsonObject(request.headers, 'Headers');
  const body = {
    query: request.query,
    ...(Object.keys(variables).length > 0 ? { variables } : {}),
    ...(request.operationName ? { operationName: request.operationName } : {}),
  };
  const headerLines = Object.entries({ 'content-type': 'application/json', ...headers }).map(
    ([name, value]) => `  -H ${shellQuote(`${name}: ${String(value)}`)}`,
  );
  return [
    `curl ${shellQuote(request.url)}`,
    ...headerLines,
    `  --data-raw ${shellQuote(JSON.stringify(body))}`,
  ].join(' \\\n');
}
