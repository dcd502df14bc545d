/** Small readers for untrusted JSON: each returns undefined (or []) instead of throwing on a wrong type. */
export type Raw = Readonly<Record<string, unknown>>;

export function isRaw(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A non-empty string, or undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A whole non-negative number from a number or a numeric string (Spotify sends play counts as strings). */
export function count(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

export function bool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Follows up to three keys through nested objects (fixed arity: this runs for every row of every page). */
export function at(value: unknown, a: string, b?: string, c?: string): unknown {
  if (!isRaw(value)) return undefined;
  const first = value[a];
  if (b === undefined) return first;
  if (!isRaw(first)) return undefined;
  const second = first[b];
  if (c === undefined) return second;
  return isRaw(second) ? second[c] : undefined;
}
