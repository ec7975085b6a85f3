/*
 * The catalog's own rules for an entity's envelope (apiVersion, kind,
 * metadata.name, metadata.namespace), from @backstage/catalog-model's
 * validators, so that the CLI refuses what the catalog would refuse
 * (FieldFormatEntityPolicy applies the same validators in the catalog).
 */
import { makeValidator } from '@backstage/catalog-model';

const validators = makeValidator();

export interface RuleViolation {
  /** The field, as a path into the document (for its line). */
  path: string[];
  message: string;
}

interface FieldRule {
  path: string[];
  valid: (value: unknown) => boolean;
  expected: string;
}

/** In the order the catalog checks them; the first broken rule is reported. */
const RULES: FieldRule[] = [
  {
    path: ['apiVersion'],
    valid: v => validators.isValidApiVersion(v),
    expected:
      'a group and version such as backstage.io/v1alpha1 (letters, digits, - and . before the /, letters and digits after it)',
  },
  {
    path: ['kind'],
    valid: v => validators.isValidKind(v),
    expected:
      'a letter followed by letters and digits, at most 63 characters, such as Component or AiResource',
  },
  {
    path: ['metadata', 'name'],
    valid: v => validators.isValidEntityName(v),
    expected:
      'sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total',
  },
  {
    path: ['metadata', 'namespace'],
    valid: v => v === undefined || validators.isValidNamespace(v),
    expected:
      'sequences of [a-z0-9] separated by [-], at most 63 characters in total',
  },
];

function at(value: unknown, path: string[]): unknown {
  let cur = value;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}..."` : text;
}

/**
 * The first envelope field that breaks the catalog's rules, or undefined.
 * Expects a document that has the envelope's fields as strings (notAnEntity).
 */
export function catalogRuleViolation(
  entity: unknown,
): RuleViolation | undefined {
  for (const rule of RULES) {
    const value = at(entity, rule.path);
    if (rule.valid(value)) continue;
    const field = rule.path.join('.');
    return {
      path: rule.path,
      message: `${field} ${shown(value)} breaks the catalog's rules: expected ${
        rule.expected
      }; the catalog would refuse this entity, so it is left out`,
    };
  }
  return undefined;
}
