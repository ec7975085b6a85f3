/*
 * config.d.ts (what Backstage validates and documents) and the zod schema
 * of -common (what the plugin parses) describe the same keys: every key path
 * of one is a key path of the other.
 */
import {
  aiReadinessConfigSchema,
  durationConfigSchema,
} from '@ai-readiness/plugin-ai-readiness-common';
import path from 'path';
import ts from 'typescript';
import type { z } from 'zod';

const CONFIG_D_TS = path.resolve(__dirname, '../../config.d.ts');

/** Key paths under Config.aiReadiness, "[]" for array items. */
function typeKeyPaths(): Set<string> {
  const program = ts.createProgram([CONFIG_D_TS], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(CONFIG_D_TS)!;
  const config = source.statements.find(
    (s): s is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(s) && s.name.text === 'Config',
  )!;
  const root = checker.getTypeAtLocation(config).getProperty('aiReadiness')!;
  const out = new Set<string>();
  const walk = (type: ts.Type, at: string, seen: Set<ts.Type>) => {
    const t = checker.getNonNullableType(type);
    // A duration is a leaf: both sides take Backstage's form.
    if (
      t.aliasSymbol?.getName() === 'HumanDuration' ||
      t.getSymbol()?.getName() === 'HumanDuration' ||
      seen.has(t)
    )
      return;
    const inner = new Set(seen).add(t);
    if (t.isUnion()) {
      t.types.forEach(member => walk(member, at, inner));
      return;
    }
    if (checker.isArrayType(t)) {
      walk(
        checker.getTypeArguments(t as ts.TypeReference)[0],
        `${at}[]`,
        inner,
      );
      return;
    }
    if (!(t.flags & ts.TypeFlags.Object)) return;
    for (const prop of t.getProperties()) {
      const key = `${at}.${prop.getName()}`;
      out.add(key);
      walk(checker.getTypeOfSymbolAtLocation(prop, source), key, inner);
    }
  };
  walk(
    checker.getTypeOfSymbolAtLocation(root, source),
    'aiReadiness',
    new Set(),
  );
  return out;
}

/** Key paths of the zod schema, in the same form. */
function zodKeyPaths(): Set<string> {
  const out = new Set<string>();
  const walk = (schema: z.ZodTypeAny, at: string, seen: Set<unknown>) => {
    if (schema === durationConfigSchema || seen.has(schema)) return;
    const inner = new Set(seen).add(schema);
    // By type name: -common may carry its own copy of zod.
    const def = schema._def as any;
    switch (def.typeName as string) {
      case 'ZodOptional':
      case 'ZodNullable':
      case 'ZodDefault':
        walk(def.innerType, at, inner);
        break;
      case 'ZodEffects':
        walk(def.schema, at, inner);
        break;
      case 'ZodPipeline':
        walk(def.in, at, inner);
        break;
      case 'ZodLazy':
        walk(def.getter(), at, inner);
        break;
      case 'ZodArray':
        walk(def.type, `${at}[]`, inner);
        break;
      case 'ZodUnion':
      case 'ZodDiscriminatedUnion':
        for (const option of def.options) walk(option, at, inner);
        break;
      case 'ZodObject':
        for (const [key, value] of Object.entries(def.shape())) {
          out.add(`${at}.${key}`);
          walk(value as z.ZodTypeAny, `${at}.${key}`, inner);
        }
        break;
      default:
    }
  };
  walk(aiReadinessConfigSchema, 'aiReadiness', new Set());
  return out;
}

describe('config.d.ts and the zod schema', () => {
  it('describe the same keys', () => {
    const declared = typeKeyPaths();
    const parsed = zodKeyPaths();
    expect(declared.size).toBeGreaterThan(50);
    expect([...declared].filter(k => !parsed.has(k)).sort()).toEqual([]);
    expect([...parsed].filter(k => !declared.has(k)).sort()).toEqual([]);
  });
});
