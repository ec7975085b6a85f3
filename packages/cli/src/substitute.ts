/*
 * Environment substitution in config values, as Backstage's config loader
 * does it (its createSubstitutionTransform is not exported): `${VAR}`,
 * `${VAR:-fallback}`, and `$${...}` for a literal `${...}`. A value naming a
 * variable that is unset, with no fallback, is dropped, as the backend drops
 * it; so `--config app-config.yaml` reads what the portal reads.
 */
export function substituteEnv(
  value: unknown,
  env: Record<string, string | undefined>,
): unknown {
  if (typeof value === 'string') return substituteString(value, env);
  if (Array.isArray(value)) {
    return value
      .map(item => substituteEnv(item, env))
      .filter(item => item !== undefined);
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const substituted = substituteEnv(item, env);
      if (substituted !== undefined) out[key] = substituted;
    }
    return out;
  }
  return value;
}

function substituteString(
  input: string,
  env: Record<string, string | undefined>,
): string | undefined {
  const parts: Array<string | undefined> = input.split(/(\$?\$\{[^{}]*\})/);
  for (let i = 1; i < parts.length; i += 2) {
    const part = parts[i]!;
    if (part.startsWith('$$')) {
      parts[i] = part.slice(1);
      continue;
    }
    const separator = part.indexOf(':-');
    if (separator > -1) {
      const fromEnv = env[part.slice(2, separator).trim()];
      const fallback = part.slice(separator + 2, -1).trim();
      parts[i] = fromEnv || fallback || undefined;
    } else {
      parts[i] = env[part.slice(2, -1).trim()];
    }
  }
  return parts.some(part => part === undefined) ? undefined : parts.join('');
}
