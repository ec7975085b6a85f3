/*
 * Merges one remediation snippet into the entity's document as text edits:
 * missing keys are added after the map's last key, missing list items after
 * the list's last item, nested maps are merged key by key. A key is never
 * written twice.
 */
import {
  Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Node,
  Pair,
  Scalar,
  YAMLMap,
  YAMLSeq,
} from 'yaml';
import {
  blockText,
  contentEnd,
  flowText,
  Layout,
  SourceText,
  TextEdit,
} from './sourceText';
import { CatalogInfoPatchRefusedError } from './types';

export interface MergeResult {
  edits: TextEdit[];
  notes: string[];
}

interface Context {
  source: SourceText;
  layout: Layout;
  replace: boolean;
  edits: TextEdit[];
  notes: string[];
}

const refuse = (message: string): never => {
  throw new CatalogInfoPatchRefusedError(message);
};

const keyOf = (pair: Pair): string | undefined =>
  isScalar(pair.key) ? String(pair.key.value) : undefined;

/** A plain value for comparisons: keys sorted, so that order does not matter. */
function canonical(node: unknown): string {
  const sort = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sort);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, sort(v)]),
      );
    }
    return value === null || value === undefined ? null : String(value);
  };
  const plain =
    isScalar(node) || isMap(node) || isSeq(node) ? node.toJSON() : node;
  return JSON.stringify(sort(plain));
}

/** An empty value: `key:` alone or `key: ~`. */
function isEmpty(node: unknown): node is Scalar | null | undefined {
  return (
    node === null ||
    node === undefined ||
    (isScalar(node) && node.value === null)
  );
}

/** Refuses a flow collection written over several lines: where to add is a guess. */
function checkFlow(ctx: Context, node: YAMLMap | YAMLSeq, path: string) {
  if (ctx.source.spansLines(node.range![0], node.range![1])) {
    refuse(
      `${path} is a flow-style ${
        isMap(node) ? 'map' : 'list'
      } written over several lines; it cannot be extended safely, edit it by hand`,
    );
  }
}

/** Adds new entries (flow text each) to a one-line flow collection. */
function extendFlow(ctx: Context, node: YAMLMap | YAMLSeq, entries: string[]) {
  const [open, close] = isMap(node) ? ['{', '}'] : ['[', ']'];
  if (!node.items.length) {
    ctx.edits.push({
      start: node.range![0],
      end: node.range![1],
      insert: `${open} ${entries.join(', ')} ${close}`,
    });
    return;
  }
  const last = node.items[node.items.length - 1];
  const end = isMap(node)
    ? ((last as Pair).value as Node | null)?.range?.[1] ??
      ((last as Pair).key as Node).range![1]
    : (last as Node).range![1];
  ctx.edits.push({ start: end, end, insert: `, ${entries.join(', ')}` });
}

function addPairs(ctx: Context, map: YAMLMap, pairs: Pair[], path: string) {
  if (map.flow) {
    checkFlow(ctx, map, path);
    extendFlow(
      ctx,
      map,
      pairs.map(
        pair =>
          `${flowText(pair.key as Node)}: ${flowText(pair.value as Node)}`,
      ),
    );
    return;
  }
  const block = new YAMLMap();
  block.items.push(...pairs);
  appendBlock(ctx, map, block);
}

function addItems(ctx: Context, seq: YAMLSeq, items: Node[], path: string) {
  if (seq.flow) {
    checkFlow(ctx, seq, path);
    extendFlow(ctx, seq, items.map(flowText));
    return;
  }
  const block = new YAMLSeq();
  block.items.push(...items);
  appendBlock(ctx, seq, block);
}

/** Inserts `block`'s lines after the last line of a block collection, at its indentation. */
function appendBlock(
  ctx: Context,
  collection: YAMLMap | YAMLSeq,
  block: YAMLMap | YAMLSeq,
) {
  const at = ctx.source.endOfLine(contentEnd(collection));
  ctx.edits.push({
    start: at,
    end: at,
    insert: ctx.source.lines(
      blockText(block, ctx.layout),
      ctx.source.column(collection.range![0]),
    ),
  });
}

/** Gives `key:` (no value, or `~`) the snippet's map or list. */
function fillEmpty(ctx: Context, pair: Pair, value: Node, keyColumn: number) {
  const empty = pair.value as Scalar | null;
  if (empty?.range && empty.range[1] > empty.range[0]) {
    ctx.edits.push({ start: empty.range[0], end: empty.range[1], insert: '' });
  }
  const column =
    isSeq(value) && !ctx.layout.indentSeq
      ? keyColumn
      : keyColumn + ctx.layout.indent;
  const at = ctx.source.endOfLine((pair.key as Node).range![1]);
  ctx.edits.push({
    start: at,
    end: at,
    insert: ctx.source.lines(blockText(value, ctx.layout), column),
  });
}

function mergeSeq(ctx: Context, seq: YAMLSeq, patch: YAMLSeq, path: string) {
  const present = new Set(seq.items.map(canonical));
  const missing: Node[] = [];
  for (const item of patch.items as Node[]) {
    const id = canonical(item);
    if (!present.has(id)) {
      present.add(id);
      missing.push(item);
    }
  }
  if (missing.length) addItems(ctx, seq, missing, path);
}

function mergeScalar(ctx: Context, pair: Pair, value: Scalar, path: string) {
  const current = pair.value;
  if (isEmpty(current)) {
    // `key:` alone gets its value after the colon; `key: ~` has it replaced.
    const text = flowText(value);
    const keyEnd = (pair.key as Node).range![1];
    if (current?.range && current.range[1] > current.range[0]) {
      ctx.edits.push({
        start: current.range[0],
        end: current.range[1],
        insert: text,
      });
    } else {
      const colon = ctx.source.text.indexOf(':', keyEnd) + 1;
      ctx.edits.push({ start: colon, end: colon, insert: ` ${text}` });
    }
    return;
  }
  if (isScalar(current) && canonical(current) === canonical(value)) return;
  if (!isScalar(current)) {
    refuse(`${path} is a ${isMap(current) ? 'map' : 'list'}, not a value`);
    return;
  }
  const was = ctx.source.text.slice(current.range![0], current.range![1]);
  if (!ctx.replace) {
    ctx.notes.push(`${path} is already set (${was}); left as it is`);
    return;
  }
  const text = flowText(value);
  ctx.edits.push({
    start: current.range![0],
    end: current.range![1],
    insert: text,
  });
  ctx.notes.push(`${path}: ${was} replaced by ${text}`);
}

function mergeMap(ctx: Context, map: YAMLMap, patch: YAMLMap, path: string) {
  if (map.items.some(pair => keyOf(pair) === '<<')) {
    refuse(`${path || 'the document'} uses a merge key (<<); edit it by hand`);
  }
  const missing: Pair[] = [];
  for (const patchPair of patch.items) {
    const key = keyOf(patchPair);
    const value = patchPair.value as Node | null;
    if (key === undefined || !value) continue;
    const at = path ? `${path}.${key}` : key;
    const pair = map.items.find(p => keyOf(p) === key);
    if (!pair) {
      missing.push(patchPair);
      continue;
    }
    if (isAlias(pair.value)) {
      refuse(
        `${at} is an alias (*${pair.value.source}); edit the anchored value by hand`,
      );
    }
    if (isMap(value) || isSeq(value)) {
      if (isEmpty(pair.value)) {
        fillEmpty(
          ctx,
          pair,
          value,
          ctx.source.column((pair.key as Node).range![0]),
        );
      } else if (isMap(value) && isMap(pair.value)) {
        mergeMap(ctx, pair.value, value, at);
      } else if (isSeq(value) && isSeq(pair.value)) {
        mergeSeq(ctx, pair.value, value, at);
      } else {
        refuse(`${at} is not a ${isMap(value) ? 'map' : 'list'} in the file`);
      }
    } else if (isScalar(value)) {
      mergeScalar(ctx, pair, value, at);
    }
  }
  if (missing.length) addPairs(ctx, map, missing, path || 'the document');
}

/** The text edits that merge `snippet` into the entity's document. */
export function mergeSnippet(
  source: SourceText,
  doc: Document.Parsed,
  snippet: YAMLMap,
  options: { layout: Layout; replace: boolean },
): MergeResult {
  const root = doc.contents;
  if (!isMap(root)) return refuse('the entity document is not a map');
  const ctx: Context = {
    source,
    layout: options.layout,
    replace: options.replace,
    edits: [],
    notes: [],
  };
  mergeMap(ctx, root, snippet, '');
  return { edits: ctx.edits, notes: ctx.notes };
}
