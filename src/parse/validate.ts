import type { z } from 'zod';
import { ParseError } from '../errors.js';

/** Validates a built model; a failure names the field path and the page it came from. */
export function validateModel<S extends z.ZodType>(schema: S, value: unknown, pageUrl: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.join('.') : '(root)';
  throw new ParseError(`Unexpected data at ${path} in ${pageUrl}: ${issue?.message ?? 'invalid'}`, {
    url: pageUrl,
    cause: result.error,
  });
}
