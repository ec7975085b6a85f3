/*
 * The catalog-info.yaml patcher: writes remediations into the entity's own
 * document and leaves every other byte of the file as it was. Used by the
 * backend's fix preview, the scaffolder action and the CLI's `fix`.
 */
import { parseEntityRef } from '@backstage/catalog-model';
import { Document, isMap, parseAllDocuments, parseDocument } from 'yaml';
import { mergeSnippet } from './mergeSnippet';
import { readLayout, SourceText } from './sourceText';
import {
  CatalogInfoPatch,
  CatalogInfoPatchRefusedError,
  PatchCatalogInfoInput,
} from './types';

/** Text that marks a scaffolder template skeleton rather than catalog data. */
const TEMPLATE_MARKERS = ['${{', '{%', '{{ values.', '{{ parameters.'];

/** The template marker a text holds, if any (a skeleton is not catalog data). @public */
export function findTemplateMarker(text: string): string | undefined {
  return TEMPLATE_MARKERS.find(marker => text.includes(marker));
}

/**
 * Throws CatalogInfoPatchRefusedError for a scaffolder template skeleton:
 * it is not catalog data as it stands. @public
 */
export function assertNotTemplate(text: string): void {
  const marker = findTemplateMarker(text);
  if (marker) {
    throw new CatalogInfoPatchRefusedError(
      `the file is a template (it holds "${marker}"), not catalog data as it stands; patch the template by hand`,
    );
  }
}

const lower = (value: unknown) =>
  typeof value === 'string' ? value.toLocaleLowerCase('en-US') : undefined;

function parseTarget(entityRef: string) {
  try {
    const ref = parseEntityRef(entityRef, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
    return {
      kind: lower(ref.kind)!,
      namespace: lower(ref.namespace)!,
      name: lower(ref.name)!,
    };
  } catch {
    throw new CatalogInfoPatchRefusedError(
      `"${entityRef}" is not an entity reference such as component:default/name`,
    );
  }
}

/** The one document of the file that defines the entity. */
function findEntityDocument(
  text: string,
  target: ReturnType<typeof parseTarget>,
  entityRef: string,
): Document.Parsed {
  const matches = parseAllDocuments(text).filter(doc => {
    const namespace = doc.getIn(['metadata', 'namespace']) ?? 'default';
    return (
      lower(doc.get('kind')) === target.kind &&
      lower(doc.getIn(['metadata', 'name'])) === target.name &&
      lower(namespace) === target.namespace
    );
  });
  if (matches.length === 0) {
    throw new CatalogInfoPatchRefusedError(
      `no document of the file defines ${entityRef}`,
    );
  }
  if (matches.length > 1) {
    throw new CatalogInfoPatchRefusedError(
      `${matches.length} documents of the file define ${entityRef}; the catalog would refuse the file`,
    );
  }
  const [doc] = matches;
  if (doc.errors.length) {
    throw new CatalogInfoPatchRefusedError(
      `the document of ${entityRef} is not valid YAML: ${doc.errors[0].message}`,
    );
  }
  return doc;
}

/**
 * Writes the remediations into the entity's document of a catalog-info.yaml
 * text. Keys missing from `metadata.annotations`, `metadata.labels`, `spec`,
 * ... are added after the map's last key; list items (links, dependsOn)
 * after the list's last item; a key is never written twice. Comments, key
 * order, quoting, anchors, line endings and the other documents are kept
 * byte for byte. Remediations that are whole entities of their own (a data
 * source's owner) are left out, with a note.
 *
 * Throws CatalogInfoPatchRefusedError, with the reason, when it cannot be
 * sure of the result: a templated file, the entity not in the file, a
 * flow-style map written over several lines, a merge key or an alias on the
 * way.
 *
 * @public
 */
export function patchCatalogInfo(
  input: PatchCatalogInfoInput,
): CatalogInfoPatch {
  assertNotTemplate(input.text);
  const target = parseTarget(input.entityRef);
  // Fails early when the entity is not in the file, even with nothing to apply.
  findEntityDocument(input.text, target, input.entityRef);

  let text = input.text;
  const checks: string[] = [];
  const notes: string[] = [];
  for (const remediation of input.remediations) {
    const id = remediation.checkId;
    const snippet = parseDocument(remediation.yaml);
    if (snippet.errors.length || !isMap(snippet.contents)) {
      notes.push(`${id}: its remediation is not a YAML map; not applied`);
      continue;
    }
    if (snippet.has('kind')) {
      const name = snippet.getIn(['metadata', 'name']);
      notes.push(
        `${id}: the change belongs in another entity (${snippet.get('kind')}${
          name ? ` ${name}` : ''
        }); not applied`,
      );
      continue;
    }
    const source = new SourceText(text);
    const doc = findEntityDocument(text, target, input.entityRef);
    const merged = mergeSnippet(source, doc, snippet.contents, {
      layout: readLayout(doc, source),
      replace: remediation.replace ?? false,
    });
    notes.push(...merged.notes.map(note => `${id}: ${note}`));
    if (merged.edits.length) {
      text = source.apply(merged.edits);
      checks.push(id);
    } else if (!merged.notes.length) {
      notes.push(`${id}: the file already holds this change`);
    }
  }

  // A guard, not an expected path: the patch must leave a file that parses.
  const after = findEntityDocument(text, target, input.entityRef);
  if (after.errors.length || after.warnings.length) {
    throw new CatalogInfoPatchRefusedError(
      `the patch would leave the file invalid (${
        [...after.errors, ...after.warnings][0].message
      }); edit it by hand`,
    );
  }
  return { text, checks, notes };
}
