/** Import and export outcomes as sentences in the browser's language (public/_locales). */
import { t, type MessageKey } from '../ui/i18n';
import { ARCHIVE_VERSION } from './format';
import type { ImportFailure } from './import';
import type { RecordProblem } from './parse';

/** utils/ui/i18n's t() with the substitutions as arguments. */
export function message(key: MessageKey, ...substitutions: Array<string | number>): string {
  return t(key, substitutions.map(String));
}

const MB = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const quote = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max)}…` : text);

const PROBLEM_KEYS: Record<RecordProblem['kind'], MessageKey> = {
  missing: 'io_problem_missing',
  'unknown-field': 'io_problem_unknown_field',
  type: 'io_problem_type',
  'too-long': 'io_problem_too_long',
  empty: 'io_problem_empty',
  date: 'io_problem_date',
  url: 'io_problem_url',
  invalid: 'io_problem_invalid',
};

/** "record 3 (id …, “title”): tags[0] has the wrong type (expected string, got 5)" */
export function describeProblem(problem: RecordProblem): string {
  const label = [
    message('io_record', problem.index + 1),
    [
      problem.id ? `id ${quote(problem.id, 40)}` : null,
      problem.title ? `“${quote(problem.title, 40)}”` : null,
    ]
      .filter(Boolean)
      .join(', '),
  ];
  const where = label[1] ? `${label[0]} (${label[1]})` : label[0];
  const field = problem.path || '—';
  const expected = quote(problem.expected ?? '?');
  const received = quote(problem.received ?? '?');
  // Date and URL problems show the offending value; the others what was expected, then what was found.
  const showsValue = problem.kind === 'date' || problem.kind === 'url';
  const detail = message(PROBLEM_KEYS[problem.kind], field, showsValue ? received : expected, received);
  return `${where}: ${detail}`;
}

/** The headline of a failed import; `details` lists the record problems, if any. */
export function describeImportFailure(error: ImportFailure): { headline: string; details: string[] } {
  switch (error.code) {
    case 'empty':
      return { headline: message('io_err_empty'), details: [] };
    case 'too-large':
      return { headline: message('io_err_too_large', MB(error.bytes), MB(error.limit)), details: [] };
    case 'not-json':
      return { headline: message('io_err_not_json', quote(error.detail, 120)), details: [] };
    case 'wrong-format':
      return { headline: message('io_err_wrong_format'), details: [] };
    case 'newer-version':
      return { headline: message('io_err_newer_version', error.version, ARCHIVE_VERSION), details: [] };
    case 'bad-header':
      return { headline: message('io_err_bad_header', error.detail), details: [] };
    case 'no-clips':
      return { headline: message('io_err_no_clips'), details: [] };
    case 'count-mismatch':
      return { headline: message('io_err_count_mismatch', error.count, error.found), details: [] };
    case 'bad-records':
      return {
        headline: message('io_err_bad_records', error.badRecords),
        details: error.problems.map(describeProblem),
      };
    case 'duplicate':
      return {
        headline: message(
          error.field === 'id' ? 'io_err_duplicate_id' : 'io_err_duplicate_url',
          error.first + 1,
          error.second + 1,
          quote(error.value),
        ),
        details: [],
      };
    case 'failed':
      return { headline: message('io_err_failed', quote(error.detail, 300)), details: [] };
  }
}
