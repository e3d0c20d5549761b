/**
 * The headers editor's text with `Authorization: Bearer <token>`, replacing any authorization header
 * already there (whatever its case) and keeping every other header. Throws when the editor does not
 * hold a JSON object, rather than silently dropping what the user wrote.
 */
export function withAuthorization(headersText: string, token: string): string {
  let headers: Record<string, unknown> = {};
  if (headersText.trim()) {
    const parsed: unknown = JSON.parse(headersText);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error('The headers must be a JSON object');
    }
    headers = parsed as Record<string, unknown>;
  }
  const others = Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization');
  return JSON.stringify(
    { ...Object.fromEntries(others), Authorization: `Bearer ${token}` },
    null,
    2,
  );
}
