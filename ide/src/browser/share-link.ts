/**
 * Shareable links to an operation. The operation travels in the URL fragment, which browsers never
 * send to the server (no query text in access logs), and headers never travel at all: a link must not
 * carry anyone's access token.
 */
export interface SharedOperation {
  query: string;
  variables?: string;
  operationName?: string;
}

/** `base` (the IDE's URL) with the operation in its fragment. */
export function shareLink(base: string, operation: SharedOperation): string {
  const url = new URL(base);
  const params = new URLSearchParams({ query: operation.query });
  if (operation.variables?.trim()) params.set('variables', operation.variables);
  if (operation.operationName) params.set('operationName', operation.operationName);
  url.hash = params.toString();
  return url.toString();
}

/** The operation a shared link carries, or null when the fragment holds none. */
export function sharedOperation(hash: string): SharedOperation | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const query = params.get('query');
  if (!query) return null;
  const variables = params.get('variables');
  const operationName = params.get('operationName');
  return {
    query,
    ...(variables ? { variables } : {}),
    ...(operationName ? { operationName } : {}),
  };
}
