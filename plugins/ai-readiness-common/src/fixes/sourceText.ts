/*
 * Positions in the file's text. The patcher never re-serialises a document:
 * it splices new text at offsets the `yaml` parser reports, so every byte it
 * does not mean to change stays as it was (comments, quoting, blank lines,
 * anchors, CRLF).
 */
import { Document, isCollection, isMap, isPair, isSeq, Node } from 'yaml';

/** A change of the text: [start, end) replaced by `insert`. */
export interface TextEdit {
  start: number;
  end: number;
  insert: string;
}

export class SourceText {
  /** The file's line break, kept for every inserted line. */
  readonly newline: string;

  constructor(readonly text: string) {
    this.newline = /\r\n/.test(text) ? '\r\n' : '\n';
  }

  /** The column of an offset (0-based). */
  column(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }

  /** True when [start, end) spans more than one line. */
  spansLines(start: number, end: number): boolean {
    return this.text.slice(start, end).includes('\n');
  }

  /**
   * The end of the line on which the content before `offset` ends, before its
   * line break: new lines go there, after any comment on that line.
   */
  endOfLine(offset: number): number {
    let p = offset;
    while (p > 0 && (this.text[p - 1] === '\n' || this.text[p - 1] === '\r')) {
      p--;
    }
    const lf = this.text.indexOf('\n', p);
    if (lf < 0) return this.text.length;
    return this.text[lf - 1] === '\r' ? lf - 1 : lf;
  }

  /** New lines, each indented by `column`, to insert at an end of line. */
  lines(block: string, column: number): string {
    const pad = ' '.repeat(column);
    return block
      .replace(/\n$/, '')
      .split('\n')
      .map(line => this.newline + pad + line)
      .join('');
  }

  /**
   * Applies edits that do not overlap. Insertions at the same offset keep
   * their order in the text (a nested list's new item before the parent
   * map's new key, as merged).
   */
  apply(edits: TextEdit[]): string {
    let out = this.text;
    const order = edits
      .map((edit, index) => ({ edit, index }))
      .sort((a, b) => b.edit.start - a.edit.start || b.index - a.index);
    for (const { edit } of order) {
      out = out.slice(0, edit.start) + edit.insert + out.slice(edit.end);
    }
    return out;
  }
}

/** Where a node's content ends: its last value, without trailing comments. */
export function contentEnd(node: Node): number {
  if (isCollection(node) && !node.flow && node.items.length) {
    const last = node.items[node.items.length - 1];
    if (isPair(last)) {
      const value = last.value ?? last.key;
      return value ? contentEnd(value as Node) : node.range![1];
    }
    return contentEnd(last as Node);
  }
  return node.range![1];
}

/** The layout of a document: its indent unit and whether sequences are indented. */
export interface Layout {
  indent: number;
  indentSeq: boolean;
}

/** Reads the layout of a document from its first nested block map and sequence. */
export function readLayout(doc: Document.Parsed, source: SourceText): Layout {
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  const visit = (node: unknown, column: number) => {
    if (!isMap(node) || node.flow) return;
    for (const pair of node.items) {
      const value = pair.value;
      if (isMap(value) && !value.flow && value.range && indent === undefined) {
        const col = source.column(value.range[0]);
        if (col > column) indent = col - column;
      }
      if (
        isSeq(value) &&
        !value.flow &&
        value.range &&
        indentSeq === undefined
      ) {
        indentSeq = source.column(value.range[0]) > column;
      }
      if (isMap(value) && value.range) {
        visit(value, source.column(value.range[0]));
      }
    }
  };
  if (doc.contents?.range) {
    visit(doc.contents, source.column(doc.contents.range[0]));
  }
  return { indent: indent ?? 2, indentSeq: indentSeq ?? true };
}

/** A node as block YAML in the document's layout, without a final newline. */
export function blockText(node: Node, layout: Layout): string {
  return new Document(node)
    .toString({
      indent: layout.indent,
      indentSeq: layout.indentSeq,
      lineWidth: 0,
    })
    .replace(/\n$/, '');
}

/** A node as flow YAML on one line. */
export function flowText(node: Node): string {
  const copy = node.clone();
  if (isCollection(copy)) {
    const flowAll = (n: unknown) => {
      if (isCollection(n)) {
        n.flow = true;
        n.items.forEach(item => flowAll(isPair(item) ? item.value : item));
      }
    };
    flowAll(copy);
  }
  return new Document(copy).toString({ lineWidth: 0 }).replace(/\n$/, '');
}
