/**
 * The IDE page's Content-Security-Policy: everything from the gateway itself, nothing inline that
 * runs, nothing from anywhere else. Fonts are bundled as data: URLs by GraphiQL, and Monaco writes
 * its styles into <style> elements at run time, hence `data:` fonts and inline styles (styles cannot
 * run code). The configuration block in the page is `type="application/json"`, which is data, not
 * script, so `script-src 'self'` needs no nonce or hash.
 */
export const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers for the page and every asset of the IDE. */
export const IDE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': IDE_CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};
