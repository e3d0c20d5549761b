/**
 * The only form in which an SSN leaves SSA: `***-**-1234`. Anything that is not a well-formed SSN
 * masks to all stars rather than echoing whatever was stored.
 */
export function maskSsn(ssn: string): string {
  const match = /^\d{3}-?\d{2}-?(\d{4})$/.exec(ssn);
  return `***-**-${match ? match[1] : '****'}`;
}
