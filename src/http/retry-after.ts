/**
 * Reads a Retry-After header: delay-seconds (`120`, `1.5`) or an HTTP-date.
 * Returns the wait in milliseconds (never negative), or undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(
  value: string | readonly string[] | undefined | null,
  nowMs: number,
): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== 'string') return undefined;
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}
