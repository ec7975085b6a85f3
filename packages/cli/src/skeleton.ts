/*
 * Scaffolder template skeletons: files that a Backstage template renders into
 * a new repository (catalog-info.yaml with `${{ values.name }}` and the like).
 * They sit in real repositories next to catalog files, but they are templates
 * of catalog data, not catalog data: the CLI skips them with a warning.
 */

/** Template syntax: scaffolder expressions, Nunjucks tags, and cookiecutter-style values. */
const MARKERS: { pattern: RegExp; shown: string }[] = [
  { pattern: /\$\{\{/, shown: '${{' },
  { pattern: /\{%/, shown: '{%' },
  { pattern: /\{\{\s*values\./, shown: '{{ values.' },
  { pattern: /\{\{\s*parameters\./, shown: '{{ parameters.' },
];

/** A Template entity (kind: Template) holds `${{ parameters.x }}` in its steps, and is catalog data. */
const TEMPLATE_KIND = /^kind:\s*["']?Template["']?\s*(#.*)?$/m;

export interface SkeletonMarker {
  /** The template syntax found, as the user would search for it. */
  marker: string;
  /** 1-based line of its first occurrence. */
  line: number;
}

/** The first template syntax in the text, or undefined when there is none. */
export function findSkeletonMarker(text: string): SkeletonMarker | undefined {
  let best: { index: number; shown: string } | undefined;
  for (const { pattern, shown } of MARKERS) {
    const m = pattern.exec(text);
    if (m && (!best || m.index < best.index)) best = { index: m.index, shown };
  }
  if (!best) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < best.index; ) {
    line++;
    i = text.indexOf('\n', i + 1);
  }
  return { marker: best.shown, line };
}

/** A top-level apiVersion or kind key: the text means to hold catalog entities. */
const CATALOG_KEY = /^["']?(apiVersion|kind)["']?\s*:/m;

/**
 * True when the text has a top-level apiVersion or kind key. Template syntax
 * in a file without one (a GitHub composite action's `${{ inputs.x }}`) is no
 * catalog skeleton: such files are skipped quietly like other non-catalog YAML.
 */
export function mayBeCatalogData(text: string): boolean {
  return CATALOG_KEY.test(text);
}

/** True when the text declares a Template entity (whose steps use template syntax). */
export function mayBeTemplateEntity(text: string): boolean {
  return TEMPLATE_KIND.test(text);
}

/** The warning for a skipped skeleton. */
export function skeletonWarning(found: SkeletonMarker): string {
  return `skipped: a scaffolder template skeleton, not catalog data (template syntax "${found.marker}" at line ${found.line}); pass --exclude to leave such files out quietly`;
}
