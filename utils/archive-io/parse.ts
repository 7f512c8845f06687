/**
 * Reading an archive file in the extension page: size, JSON, format and version, every record
 * against ClipSchema, duplicates, then HTML sanitized again. Any problem rejects the whole file.
 */
import * as v from 'valibot';
import type { Clip } from '../model/article';
import { ClipSchema } from '../model/clip-schema';
import { withCaptureFields } from '../model/clip-upgrade';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, MAX_IMPORT_BYTES } from './format';

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

/** Checked from File.size before anything is read. */
export function checkFileSize(bytes: number): ImportError | null {
  if (bytes === 0) return { code: 'empty' };
  if (bytes > MAX_IMPORT_BYTES) return { code: 'too-large', bytes, limit: MAX_IMPORT_BYTES };
  return null;
}

const HeaderSchema = v.object({
  exportedAt: v.pipe(v.string(), v.isoTimestamp()),
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
  clips: v.array(v.unknown()),
});

/**
 * Earlier file versions are upgraded to the current record shape here, one step per version
 * (index i upgrades version i+1 to i+2).
 */
const FILE_UPGRADES: ReadonlyArray<(clips: unknown[]) => unknown[]> = [
  // 1 → 2: records gain the fields of kept images and snapshots, empty (v1 kept neither)
  (clips) =>
    clips.map((raw) =>
      typeof raw === 'object' && raw !== null && Array.isArray((raw as Clip).versions)
        ? withCaptureFields(raw as Clip)
        : raw,
    ),
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
 * Parses and checks a whole file. `sanitize` re-sanitizes each record's HTML (DOMPurify with the
 * reader's allowlist in the page; jsdom in tests), because a file may have been edited by anyone.
 */
export function parseArchive(text: string, sanitize: (html: string) => string): ParseResult {
  if (text.trim() === '') return { ok: false, error: { code: 'empty' } };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: { code: 'not-json', detail: String((error as Error).message).slice(0, 200) } };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, error: { code: 'wrong-format' } };
  }
  const { format, version } = data as { format?: unknown; version?: unknown };
  if (format !== ARCHIVE_FORMAT || typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: { code: 'wrong-format' } };
  }
  if (version > ARCHIVE_VERSION) return { ok: false, error: { code: 'newer-version', version } };
  const header = v.safeParse(HeaderSchema, data);
  if (!header.success) {
    return { ok: false, error: { code: 'bad-header', detail: v.summarize(header.issues).slice(0, 300) } };
  }
  let records = header.output.clips;
  for (let from = version; from < ARCHIVE_VERSION; from++) records = FILE_UPGRADES[from - 1]!(records);
  if (records.length === 0) return { ok: false, error: { code: 'no-clips' } };
  if (header.output.count !== records.length) {
    return {
      ok: false,
      error: { code: 'count-mismatch', count: header.output.count, found: records.length },
    };
  }

  const clips: Clip[] = [];
  const problems: RecordProblem[] = [];
  let badRecords = 0;
  for (const [index, raw] of records.entries()) {
    const parsed = v.safeParse(ClipSchema, raw);
    if (parsed.success) {
      clips.push(parsed.output);
      continue;
    }
    badRecords++;
    for (const issue of parsed.issues.slice(0, MAX_PROBLEMS_PER_RECORD)) {
      if (problems.length >= MAX_PROBLEMS) break;
      problems.push({ index, ...recordLabel(raw), ...describeIssue(issue) });
    }
  }
  if (badRecords > 0) return { ok: false, error: { code: 'bad-records', problems, badRecords } };

  const seen = { id: new Map<string, number>(), canonicalUrl: new Map<string, number>() };
  for (const [index, clip] of clips.entries()) {
    for (const field of ['id', 'canonicalUrl'] as const) {
      const first = seen[field].get(clip[field]);
      if (first !== undefined) {
        return { ok: false, error: { code: 'duplicate', field, first, second: index, value: clip[field] } };
      }
      seen[field].set(clip[field], index);
    }
  }

  for (const clip of clips) {
    clip.contentHtml = sanitize(clip.contentHtml);
    for (const version of clip.versions) version.contentHtml = sanitize(version.contentHtml);
  }
  return { ok: true, clips };
}
