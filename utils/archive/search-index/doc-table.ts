/**
 * The live docs in columns, newest clip first: what filters, ranking, sorting and facet counts read
 * of every candidate, without an object per clip. A page of results reads its SearchDocs by number.
 *
 * It is also kept in the database as one record (DOC_TABLE_KEY in `segments`, beside the catalog),
 * so that a worker just woken reads a few typed arrays and joined strings instead of deserialising
 * 100,000 summaries; the docs written since that record are read on top of it (see SearchIndex).
 * The record is a cache, not a source: every load checks it against the index's counters, and a
 * clear or rebuild of the index drops it with the segments.
 */
import type { DocTableRecord, JoinedStrings, SearchDoc } from '../records';
import { normalize } from '../search-text';

/** Marks a label column's empty value (a clip without a source, say). */
export const NONE = 0xffffffff;
export const DOC_TABLE_KEY: [number, number] = [0, 1];
/**
 * Bump when the record's shape or what it derives (the normalised heads, the row order) changes:
 * older ones are ignored. 2: clips of one time in descending id order (was: doc number).
 */
export const DOC_TABLE_VERSION = 2;
const BUILD_SLICE = 4096;

/** Many strings as one (structured clone copies one string far faster than 100,000). */
function joinStrings(list: readonly string[]): JoinedStrings {
  const lengths = new Uint32Array(list.length);
  list.forEach((s, i) => (lengths[i] = s.length));
  return { text: list.join(''), lengths };
}

function splitStrings({ text, lengths }: JoinedStrings): string[] {
  const list = new Array<string>(lengths.length);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) list[i] = text.slice(at, (at += lengths[i]!));
  return list;
}

/**
 * A string column kept joined: a string is cut out when asked for. A woken worker would otherwise
 * cut 400,000 strings before its first answer, and copying a table (after a save) would copy them.
 */
export class Strings {
  constructor(
    readonly text: string,
    /** string i is text[starts[i], starts[i + 1]) */
    readonly starts: Uint32Array,
  ) {}

  static joined({ text, lengths }: JoinedStrings): Strings {
    const starts = new Uint32Array(lengths.length + 1);
    for (let i = 0; i < lengths.length; i++) starts[i + 1] = starts[i]! + lengths[i]!;
    return new Strings(text, starts);
  }

  get length(): number {
    return this.starts.length - 1;
  }

  at(i: number): string {
    return this.text.slice(this.starts[i], this.starts[i + 1]);
  }

  /** The first i with at(i) === value, or -1. */
  indexOf(value: string): number {
    for (let at = this.text.indexOf(value); at >= 0; at = this.text.indexOf(value, at + 1)) {
      // a match must start and end on a string's bounds
      let low = 0;
      let high = this.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (this.starts[mid]! <= at) low = mid;
        else high = mid - 1;
      }
      if (this.starts[low] === at && this.starts[low + 1] === at + value.length) return low;
    }
    return -1;
  }

  toJoined(): JoinedStrings {
    const lengths = new Uint32Array(this.length);
    for (let i = 0; i < lengths.length; i++) lengths[i] = this.starts[i + 1]! - this.starts[i]!;
    return { text: this.text, lengths };
  }
}

/** Strings appended one by one or copied from another column a run of rows at a time. */
class StringsBuilder {
  private readonly parts: string[] = [];
  private readonly starts: number[] = [0];
  private length = 0;
  private run: { source: Strings; from: number; to: number } | null = null;

  push(value: string): void {
    this.flush();
    this.parts.push(value);
    this.end(value.length);
  }

  copy(source: Strings, row: number): void {
    if (this.run?.source === source && this.run.to === row) this.run.to++;
    else {
      this.flush();
      this.run = { source, from: row, to: row + 1 };
    }
    this.end(source.starts[row + 1]! - source.starts[row]!);
  }

  private end(length: number) {
    this.length += length;
    this.starts.push(this.length);
  }

  private flush() {
    if (!this.run) return;
    const { source, from, to } = this.run;
    this.parts.push(source.text.slice(source.starts[from], source.starts[to]));
    this.run = null;
  }

  finish(): Strings {
    this.flush();
    return new Strings(this.parts.join(''), Uint32Array.from(this.starts));
  }
}

/** A list column (sections, tags): row r's ids are ids[start[r], start[r + 1]). */
export interface Ragged {
  start: Uint32Array;
  ids: Uint32Array;
}

export class DocTable {
  /** row of each doc number, or -1 (dead, or not yet read) */
  private rows: Int32Array | undefined;
  private labelIds: Map<string, number> | undefined;

  constructor(
    /** the index's `changes` counter this table reflects */
    readonly changes: number,
    /** every live doc below this number is in the table */
    readonly nextDoc: number,
    readonly docs: Uint32Array,
    /** clip times (ms since the epoch): rows are ordered by them, newest first, then by doc */
    readonly clipped: Float64Array,
    readonly ids: Strings,
    readonly titles: Strings,
    /** title and kicker, normalised: a hit there ranks first */
    readonly heads: Strings,
    /** the publish date as stored (ISO), or '' */
    readonly published: Strings,
    /** label ids (into `labels`) of source, site name and host */
    readonly source: Uint32Array,
    readonly siteName: Uint32Array,
    readonly host: Uint32Array,
    readonly sections: Ragged,
    readonly tags: Ragged,
    readonly labels: string[],
  ) {}

  get size(): number {
    return this.docs.length;
  }

  /** The row of doc number `doc`, or -1. */
  rowOf(doc: number): number {
    if (!this.rows) {
      const rows = new Int32Array(this.nextDoc).fill(-1);
      this.docs.forEach((d, row) => (rows[d] = row));
      this.rows = rows;
    }
    return doc < this.rows.length ? this.rows[doc]! : -1;
  }

  /** The id of `label` in this table's labels, or -1 when no doc has it. */
  labelId(label: string): number {
    this.labelIds ??= new Map(this.labels.map((l, i) => [l, i]));
    return this.labelIds.get(label) ?? -1;
  }

  label(id: number): string | null {
    return id === NONE ? null : this.labels[id]!;
  }

  /** What lists show as a clip's source: its source, else its site name, else its host. */
  sourceLabelId(row: number): number {
    const source = this.source[row]!;
    if (source !== NONE) return source;
    const site = this.siteName[row]!;
    return site !== NONE ? site : this.host[row]!;
  }

  /** A table with no doc. */
  static empty(changes: number, nextDoc: number): DocTable {
    return new TableBuilder(changes, nextDoc).finish();
  }

  /**
   * A table of `docs`, handing the thread back (`pause`) every few thousand docs: 100,000 take a
   * third of a second.
   */
  static async build(
    docs: PreparedDoc[],
    changes: number,
    nextDoc: number,
    pause: () => Promise<void>,
  ): Promise<DocTable> {
    const builder = new TableBuilder(changes, nextDoc);
    const sorted = sortNewestFirst(docs);
    for (let at = 0; at < sorted.length; at += BUILD_SLICE) {
      await pause();
      for (const doc of sorted.slice(at, at + BUILD_SLICE)) builder.addDoc(doc);
    }
    return builder.finish();
  }

  /** This table with `added` docs and without the `dead` ones, as of `changes`. */
  withChanges(
    added: readonly (SearchDoc | PreparedDoc)[],
    dead: ReadonlySet<number>,
    changes: number,
    nextDoc: number,
  ): DocTable {
    if (added.length === 0 && dead.size === 0)
      return this.changes === changes && this.nextDoc === nextDoc ? this : this.relabel(changes, nextDoc);
    const builder = new TableBuilder(changes, nextDoc, this.labels);
    const fresh = sortNewestFirst(added.map(prepare));
    let f = 0;
    for (let row = 0; row < this.size; row++) {
      const doc = this.docs[row]!;
      // both lists newest first: take the added docs that come before this row
      while (f < fresh.length && newerThan(fresh[f]!, this, row)) builder.addDoc(fresh[f++]!);
      if (!dead.has(doc)) builder.addRow(this, row);
    }
    while (f < fresh.length) builder.addDoc(fresh[f++]!);
    return builder.finish();
  }

  private relabel(changes: number, nextDoc: number): DocTable {
    return new DocTable(
      changes,
      nextDoc,
      this.docs,
      this.clipped,
      this.ids,
      this.titles,
      this.heads,
      this.published,
      this.source,
      this.siteName,
      this.host,
      this.sections,
      this.tags,
      this.labels,
    );
  }

  toRecord(): DocTableRecord {
    return {
      docTable: DOC_TABLE_VERSION,
      changes: this.changes,
      nextDoc: this.nextDoc,
      docs: this.docs,
      clipped: this.clipped,
      ids: this.ids.toJoined(),
      titles: this.titles.toJoined(),
      heads: this.heads.toJoined(),
      published: this.published.toJoined(),
      source: this.source,
      siteName: this.siteName,
      host: this.host,
      sectionStart: this.sections.start,
      sectionIds: this.sections.ids,
      tagStart: this.tags.start,
      tagIds: this.tags.ids,
      labels: joinStrings(this.labels),
    };
  }

  static fromRecord(record: DocTableRecord): DocTable | null {
    if (record.docTable !== DOC_TABLE_VERSION) return null;
    const strings = (joined: JoinedStrings) => Strings.joined(joined);
    return new DocTable(
      record.changes,
      record.nextDoc,
      record.docs,
      record.clipped,
      strings(record.ids),
      strings(record.titles),
      strings(record.heads),
      strings(record.published),
      record.source,
      record.siteName,
      record.host,
      { start: record.sectionStart, ids: record.sectionIds },
      { start: record.tagStart, ids: record.tagIds },
      splitStrings(record.labels),
    );
  }
}

/** A SearchDoc with what the table derives from it worked out: its clip time and normalised head. */
export interface PreparedDoc {
  doc: SearchDoc;
  time: number;
  head: string;
}

/**
 * Works out a doc's derived columns. A reader of many docs calls it as each batch arrives, between
 * its requests: normalising 100,000 titles at once would hold the thread for half a second.
 */
export function prepare(doc: SearchDoc | PreparedDoc): PreparedDoc {
  if ('head' in doc) return doc;
  return { doc, time: Date.parse(doc.clippedAt), head: normalize(`${doc.title}\n${doc.kicker ?? ''}`) };
}

/**
 * Newest clip first, then the greater id: the order of the clips store's clippedAt index read
 * backwards (its ties go by primary key), which lists the popup's unfiltered pages without the table.
 */
function sortNewestFirst(docs: PreparedDoc[]): PreparedDoc[] {
  return docs.sort((a, b) => b.time - a.time || (a.doc.id < b.doc.id ? 1 : a.doc.id > b.doc.id ? -1 : 0));
}

function newerThan(doc: PreparedDoc, table: DocTable, row: number): boolean {
  const clipped = table.clipped[row]!;
  return doc.time > clipped || (doc.time === clipped && doc.doc.id > table.ids.at(row));
}

/** Rows appended in order, labels interned; `finish` makes the typed arrays. */
class TableBuilder {
  private readonly docs: number[] = [];
  private readonly clipped: number[] = [];
  private readonly ids = new StringsBuilder();
  private readonly titles = new StringsBuilder();
  private readonly heads = new StringsBuilder();
  private readonly published = new StringsBuilder();
  private readonly source: number[] = [];
  private readonly siteName: number[] = [];
  private readonly host: number[] = [];
  private readonly sectionStart: number[] = [0];
  private readonly sectionIds: number[] = [];
  private readonly tagStart: number[] = [0];
  private readonly tagIds: number[] = [];
  private readonly labels: string[];
  private readonly labelIds: Map<string, number>;

  constructor(
    private readonly changes: number,
    private readonly nextDoc: number,
    labels: readonly string[] = [],
  ) {
    this.labels = [...labels];
    this.labelIds = new Map(this.labels.map((l, i) => [l, i]));
  }

  private intern(label: string | null): number {
    if (label === null) return NONE;
    let id = this.labelIds.get(label);
    if (id === undefined) {
      id = this.labels.push(label) - 1;
      this.labelIds.set(label, id);
    }
    return id;
  }

  addDoc({ doc, time, head }: PreparedDoc): void {
    this.docs.push(doc.doc);
    this.clipped.push(time);
    this.ids.push(doc.id);
    this.titles.push(doc.title);
    this.heads.push(head);
    this.published.push(doc.publishedAt ?? '');
    this.source.push(this.intern(doc.source));
    this.siteName.push(this.intern(doc.siteName));
    this.host.push(this.intern(doc.host));
    // distinct values: a clip counts once under a tag it lists twice
    for (const section of new Set(doc.section)) this.sectionIds.push(this.intern(section));
    this.sectionStart.push(this.sectionIds.length);
    for (const tag of new Set(doc.tags)) this.tagIds.push(this.intern(tag));
    this.tagStart.push(this.tagIds.length);
  }

  addRow(table: DocTable, row: number): void {
    this.docs.push(table.docs[row]!);
    this.clipped.push(table.clipped[row]!);
    this.ids.copy(table.ids, row);
    this.titles.copy(table.titles, row);
    this.heads.copy(table.heads, row);
    this.published.copy(table.published, row);
    // labels keep their ids: the builder started from the table's labels
    this.source.push(table.source[row]!);
    this.siteName.push(table.siteName[row]!);
    this.host.push(table.host[row]!);
    for (let i = table.sections.start[row]!; i < table.sections.start[row + 1]!; i++)
      this.sectionIds.push(table.sections.ids[i]!);
    this.sectionStart.push(this.sectionIds.length);
    for (let i = table.tags.start[row]!; i < table.tags.start[row + 1]!; i++)
      this.tagIds.push(table.tags.ids[i]!);
    this.tagStart.push(this.tagIds.length);
  }

  finish(): DocTable {
    return new DocTable(
      this.changes,
      this.nextDoc,
      Uint32Array.from(this.docs),
      Float64Array.from(this.clipped),
      this.ids.finish(),
      this.titles.finish(),
      this.heads.finish(),
      this.published.finish(),
      Uint32Array.from(this.source),
      Uint32Array.from(this.siteName),
      Uint32Array.from(this.host),
      { start: Uint32Array.from(this.sectionStart), ids: Uint32Array.from(this.sectionIds) },
      { start: Uint32Array.from(this.tagStart), ids: Uint32Array.from(this.tagIds) },
      this.labels,
    );
  }
}
