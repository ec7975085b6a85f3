import { InputError } from '@backstage/errors';
import { z } from 'zod';

/**
 * Parses a request's query or body with zod; the first problem becomes an
 * InputError (400) naming the parameter or field. The one parser of every
 * route.
 */
export function parseOrThrow<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
  what: string,
): z.output<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    throw new InputError(`Unknown ${what} "${issue.keys[0]}"`);
  }
  const name = issue.path.length ? issue.path.join('.') : what;
  throw new InputError(`Invalid ${what} "${name}": ${issue.message}`);
}

/** An empty query parameter (?owner=) means the same as an absent one. */
export function withoutEmptyValues(value: unknown): unknown {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== ''))
    : value;
}
