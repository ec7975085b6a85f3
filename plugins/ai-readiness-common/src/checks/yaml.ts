/*
 * Remediation snippets: small catalog-info.yaml fragments with the same
 * layout as an entity file, so that they can be pasted as they are and
 * merged into one ("fix all", engine/remediation.ts).
 */

export interface SnippetParts {
  annotations?: Record<string, string>;
  links?: Array<{ type: string; title: string }>;
  spec?: Record<string, string | string[]>;
}

/** A catalog-info.yaml fragment with metadata.annotations, metadata.links and spec. */
export function snippet(parts: SnippetParts): string {
  const out: string[] = [];
  const annotations = Object.entries(parts.annotations ?? {});
  if (annotations.length || parts.links?.length) {
    out.push('metadata:');
    if (annotations.length) {
      out.push('  annotations:');
      for (const [k, v] of annotations) out.push(`    ${k}: ${quote(v)}`);
    }
    if (parts.links?.length) {
      out.push('  links:');
      for (const l of parts.links) {
        out.push(`    - url: https://wiki.example.com/my-pilot/${l.type}`);
        out.push(`      title: ${quote(l.title)}`);
        out.push(`      type: ${l.type}`);
      }
    }
  }
  const spec = Object.entries(parts.spec ?? {});
  if (spec.length) {
    out.push('spec:');
    for (const [k, v] of spec) {
      if (Array.isArray(v)) {
        out.push(`  ${k}:`);
        for (const item of v) out.push(`    - ${item}`);
      } else {
        out.push(`  ${k}: ${quote(v)}`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}

/** Quotes a YAML scalar unless it is plainly safe. */
export function quote(value: string): string {
  const plain =
    /^[A-Za-z_./@][\w./@-]*(:[\w./@-]+)*$/.test(value) &&
    !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}
