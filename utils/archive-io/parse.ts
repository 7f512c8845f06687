/**
 * Reading an archive file in the extension page, as a stream: size, JSON, format and version, every
 * record against ClipSchema, duplicates, then HTML sanitized again. Any problem rejects the whole file.
 */
import * as v from 'valibot';
import type { Clip } from '../model/article';
import { ClipSchema } from '../model/clip-schema';
import { withCaptureFields } from '../model/clip-upgrade';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION } from './format';
import { ArchiveStreamScanner, JsonSyntaxError, NotAnObject } from './json-stream';
import { recordCost } from './timing';

/** How one record is wrong: where (clips[index], with its id and title when it has them) and what. */
export interface RecordProblem {
  index: number;
  id: string | null;
  title: string | null;
  /** e.g. "tags[0]"; "" for the record itself */
  path: string;
  kind: 'missing' | 'unknown-field' | 'type' | 'too-long' | 'empty' | 'date' | 'url' | 'invalid';
  expected: string | null;
  received: string | null;
}

export type ImportError =
  | { code: 'empty' }
  | { code: 'too-large'; bytes: number; limit: number }
  | { code: 'not-json'; detail: string }
  | { code: 'wrong-format' }
  | { code: 'newer-version'; version: number }
  | { code: 'bad-header'; detail: string }
  | { code: 'no-clips' }
  | { code: 'count-mismatch'; count: number; found: number }
  | { code: 'bad-records'; problems: RecordProblem[]; badRecords: number }
  | { code: 'duplicate'; field: 'id' | 'canonicalUrl'; first: number; second: number; value: string };

export type ParseResult = { ok: true; clips: Clip[] } | { ok: false; error: ImportError };

/** Problems listed in an error message (the count of bad records is always given in full)... */
export const MAX_PROBLEMS = 5;
/** ...and at most this many per record, so one broken record does not hide the next. */
export const MAX_PROBLEMS_PER_RECORD = 3;

/**
 * Refused before anything is read: an empty file, or one larger than the space the browser still
 * grants this extension (`available`, from navigator.storage.estimate(); unknown in tests).
 */
export function checkFileSize(bytes: number, available?: number): ImportError | null {
  if (bytes === 0) return { code: 'empty' };
  if (available !== undefined && bytes > available) return { code: 'too-large', bytes, limit: available };
  return null;
}

/** The space left for the archive, or undefined when the browser does not say. */
export async function availableSpace(): Promise<number | undefined> {
  try {
    const { quota, usage } = (await globalThis.navigator?.storage?.estimate?.()) ?? {};
    return quota === undefined ? undefined : Math.max(0, quota - (usage ?? 0));
  } catch {
    return undefined;
  }
}

const HeaderSchema = v.object({
  exportedAt: v.pipe(v.string(), v.isoTimestamp()),
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/**
 * Earlier file versions are upgraded to the current record shape here, one step per version
 * (index i upgrades a record of version i+1 to i+2).
 */
const RECORD_UPGRADES: ReadonlyArray<(raw: unknown) => unknown> = [
  // 1 → 2: records gain the fields of kept images and snapshots, empty (v1 kept neither)
  (raw) =>
    typeof raw === 'object' && raw !== null && Array.isArray((raw as Clip).versions)
      ? withCaptureFields(raw as Clip)
      : raw,
];

function describeIssue(
  issue: v.BaseIssue<unknown>,
): Pick<RecordProblem, 'path' | 'kind' | 'expected' | 'received'> {
  const path = (issue.path ?? [])
    .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
    .join('')
    .replace(/^\./, '');
  const base = { path, expected: issue.expected, received: issue.received };
  switch (issue.type) {
    case 'strict_object':
      // valibot reports an unknown key as expecting `never`, with the key as the path's last item
      if (issue.expected === 'never') return { ...base, kind: 'unknown-field' };
      return { ...base, kind: issue.received === 'undefined' ? 'missing' : 'type' };
    case 'max_length':
      return { ...base, kind: 'too-long' };
    case 'min_length':
      return { ...base, kind: 'empty' };
    case 'iso_timestamp':
      return { ...base, kind: 'date' };
    case 'url':
    case 'regex':
      return { ...base, kind: 'url' };
    default:
      return issue.kind === 'schema' ? { ...base, kind: 'type' } : { ...base, kind: 'invalid' };
  }
}

function recordLabel(raw: unknown): Pick<RecordProblem, 'id' | 'title'> {
  const record = (typeof raw === 'object' && raw !== null ? raw : {}) as { id?: unknown; title?: unknown };
  return {
    id: typeof record.id === 'string' ? record.id.slice(0, 100) : null,
    title: typeof record.title === 'string' ? record.title.slice(0, 60) : null,
  };
}

/**
 * Records per batch handed on, and their characters at most (far below a message's limit). A batch
 * is held several times over while it is read, sent and written (records, their text, the worker's
 * copy, the values it writes): 2 M characters (~200 clips of 3,000 characters with their HTML) keeps
 * the memory an import needs small, and a batch costs too little besides its records to matter.
 */
export const BATCH_RECORDS = 500;
export const BATCH_CHARS = 2_000_000;

/** Checked and sanitized records, in file order: `first` is the position of the first in the file. */
export interface RecordBatch {
  first: number;
  /** the number of records the header announces */
  count: number;
  clips: Clip[];
  /**
   * The records' JSON text as the worker takes it, `[rec,rec,…]`, made only for a worker that takes
   * text (one that takes the records themselves needs none).
   */
  json(): string;
}

export interface ReadOptions {
  /**
   * Keep each record's text as it came (the worker takes text: `json()` then joins the texts of
   * clean records instead of serialising them again). Off, every record's text can be collected as
   * soon as it is parsed: kept, the texts of a batch outlive it and the page's garbage collector
   * copies them along.
   */
  keepText?: boolean;
}

export type ReadResult = { ok: true; count: number } | { ok: false; error: ImportError };

class HeaderAfterClips extends Error {}

/**
 * Reads and checks a file as a stream of text (see json-stream.ts): header, then each record in
 * turn — JSON, ClipSchema, duplicates, HTML sanitized again — handed to `onBatch` in batches as soon
 * as they are ready, while the rest is still being read. Nothing is handed on after the first
 * problem, but the file is read to its end, so the error counts every bad record. `open` gives the
 * text from its start; it is called a second time only for a file whose clips come before its
 * format and version.
 */
export async function readArchive(
  open: () => AsyncIterable<string> | Iterable<string>,
  sanitize: (html: string) => string,
  onBatch: (batch: RecordBatch) => Promise<void> | void,
  { keepText = true }: ReadOptions = {},
): Promise<ReadResult> {
  try {
    return await readPass(open, sanitize, onBatch, null, keepText);
  } catch (error) {
    if (!(error instanceof HeaderAfterClips)) throw error;
  }
  // the header after the clips: read it first (skipping the records), then the records
  const header = new Map<string, string>();
  const scanner = new ArchiveStreamScanner({
    field: (key, json) => header.set(key, json),
    clipsStart: () => undefined,
    clip: () => undefined,
    clipsNotArray: () => undefined,
  });
  try {
    for await (const text of open()) scanner.push(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return notJson(error);
    throw error;
  }
  return readPass(open, sanitize, onBatch, header, keepText);
}

const notJson = (error: Error): ReadResult => ({
  ok: false,
  error: { code: 'not-json', detail: String(error.message).slice(0, 200) },
});

async function readPass(
  open: () => AsyncIterable<string> | Iterable<string>,
  sanitize: (html: string) => string,
  onBatch: (batch: RecordBatch) => Promise<void> | void,
  knownHeader: Map<string, string> | null,
  keepText: boolean,
): Promise<ReadResult> {
  const fields = new Map<string, unknown>();
  let headerError: ImportError | null = null;
  let version = 0;
  let count = 0;
  let clipsSeen = false;
  let index = 0;
  let fatal: ImportError | null = null;
  const problems: RecordProblem[] = [];
  let badRecords = 0;
  let duplicate: ImportError | null = null;
  const seen = { id: new Map<string, number>(), canonicalUrl: new Map<string, number>() };
  const ready: RecordBatch[] = [];
  let batch: Clip[] = [];
  let batchJson: string[] = [];
  let batchChars = 0;
  let batchFirst = 0;
  // the page's time per step, summed over a batch's records (see timing.ts)
  const cost = { parse: 0, check: 0, sanitize: 0, serialize: 0 };
  const flush = () => {
    if (batch.length === 0) return;
    for (const [step, ms] of Object.entries(cost)) recordCost(`page ${step}`, ms);
    cost.parse = cost.check = cost.sanitize = cost.serialize = 0;
    const texts = batchJson;
    const clips = batch;
    const json = keepText ? () => `[${texts.join(',')}]` : () => JSON.stringify(clips);
    ready.push({ first: batchFirst, count, clips, json });
    batch = [];
    batchJson = [];
    batchChars = 0;
  };
  const parseField = (key: string, json: string) => {
    try {
      fields.set(key, JSON.parse(json));
    } catch (error) {
      fatal ??= { code: 'not-json', detail: String((error as Error).message).slice(0, 200) };
    }
  };
  if (knownHeader) for (const [key, json] of knownHeader) parseField(key, json);

  /** The header as far as it is known when the clips start; null when it is fine. */
  const checkHeader = (): ImportError | null => {
    const format = fields.get('format');
    const fileVersion = fields.get('version');
    if (format !== ARCHIVE_FORMAT || typeof fileVersion !== 'number' || !Number.isInteger(fileVersion)) {
      return { code: 'wrong-format' };
    }
    if (fileVersion < 1) return { code: 'wrong-format' };
    if (fileVersion > ARCHIVE_VERSION) return { code: 'newer-version', version: fileVersion };
    const header = v.safeParse(HeaderSchema, Object.fromEntries(fields));
    if (!header.success) return { code: 'bad-header', detail: v.summarize(header.issues).slice(0, 300) };
    version = fileVersion;
    count = header.output.count;
    return null;
  };

  const onClip = (json: string) => {
    const at = index++;
    if (fatal || headerError) return;
    let raw: unknown;
    let started = performance.now();
    const step = (name: keyof typeof cost) => {
      const now = performance.now();
      cost[name] += now - started;
      started = now;
    };
    try {
      raw = JSON.parse(json);
      step('parse');
    } catch (error) {
      fatal = {
        code: 'not-json',
        detail: `record ${at + 1}: ${String((error as Error).message)}`.slice(0, 200),
      };
      return;
    }
    for (let from = version; from < ARCHIVE_VERSION; from++) raw = RECORD_UPGRADES[from - 1]!(raw);
    const parsed = v.safeParse(ClipSchema, raw);
    step('check');
    if (!parsed.success) {
      badRecords++;
      for (const issue of parsed.issues.slice(0, MAX_PROBLEMS_PER_RECORD)) {
        if (problems.length >= MAX_PROBLEMS) break;
        problems.push({ index: at, ...recordLabel(raw), ...describeIssue(issue) });
      }
      return;
    }
    const clip = parsed.output;
    for (const field of ['id', 'canonicalUrl'] as const) {
      const first = seen[field].get(clip[field]);
      if (first !== undefined) {
        duplicate ??= { code: 'duplicate', field, first, second: at, value: clip[field] };
        return;
      }
      seen[field].set(clip[field], at);
    }
    if (badRecords > 0 || duplicate) return;
    let clean = true;
    const sanitized = (html: string) => {
      const out = sanitize(html);
      if (out !== html) clean = false;
      return out;
    };
    clip.contentHtml = sanitized(clip.contentHtml);
    for (const earlier of clip.versions) earlier.contentHtml = sanitized(earlier.contentHtml);
    step('sanitize');
    // A record of the current version whose HTML was already clean (any file this version wrote)
    // goes to a worker that takes text as the text it came in: the worker checks it with the same
    // ClipSchema, whose one default (publishedPrecision) gives the same record either way.
    const text = !keepText ? null : clean && version === ARCHIVE_VERSION ? json : JSON.stringify(clip);
    step('serialize');
    const chars = text?.length ?? json.length;
    if (batch.length >= BATCH_RECORDS || batchChars + chars > BATCH_CHARS) flush();
    if (batch.length === 0) batchFirst = at;
    batch.push(clip);
    if (text !== null) batchJson.push(text);
    batchChars += chars;
  };

  let anyText = false;
  const scanner = new ArchiveStreamScanner({
    field: (key, json) => {
      if (!knownHeader) parseField(key, json);
    },
    clipsStart: () => {
      clipsSeen = true;
      if (!knownHeader && (!fields.has('format') || !fields.has('version'))) throw new HeaderAfterClips();
      headerError = checkHeader();
    },
    clip: onClip,
    clipsNotArray: () => {
      clipsSeen = true;
      headerError ??= { code: 'bad-header', detail: 'clips is not an array' };
    },
  });
  try {
    for await (const text of open()) {
      if (!anyText && text.trim() === '') continue;
      anyText = true;
      scanner.push(text);
      // hand on what is ready before reading on (at most a chunk's records wait here)
      while (ready.length > 0 && !fatal && !headerError && badRecords === 0 && !duplicate)
        await onBatch(ready.shift()!);
      if (fatal || headerError) break;
    }
    if (!anyText) return { ok: false, error: { code: 'empty' } };
    if (!fatal && !headerError) scanner.end();
  } catch (error) {
    if (error instanceof NotAnObject) return { ok: false, error: { code: 'wrong-format' } };
    if (error instanceof JsonSyntaxError) return notJson(error);
    throw error;
  }
  if (fatal) return { ok: false, error: fatal };
  if (!clipsSeen) headerError = checkHeader() ?? { code: 'bad-header', detail: 'no clips array' };
  if (headerError) return { ok: false, error: headerError };
  if (index === 0) return { ok: false, error: { code: 'no-clips' } };
  if (count !== index) return { ok: false, error: { code: 'count-mismatch', count, found: index } };
  if (badRecords > 0) return { ok: false, error: { code: 'bad-records', problems, badRecords } };
  if (duplicate) return { ok: false, error: duplicate };
  flush();
  for (const last of ready.splice(0)) await onBatch(last);
  return { ok: true, count: index };
}

/**
 * Parses and checks a whole file held as one string (tests, small files): the same checks as
 * readArchive, the records returned together.
 */
export async function parseArchive(text: string, sanitize: (html: string) => string): Promise<ParseResult> {
  const clips: Clip[] = [];
  const result = await readArchive(
    () => [text],
    sanitize,
    (batch) => void clips.push(...batch.clips),
  );
  return result.ok ? { ok: true, clips } : result;
}
