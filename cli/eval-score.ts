/**
 * The metrics of ../shared/eval/README.md, ported from score.py so `jianbao eval` prints the same
 * numbers: bag-of-tokens body F1, exact-after-normalisation titles, same-day(+hh:mm) dates, and
 * name matching for author/editor/source.
 */

type Json = Record<string, unknown>;

const TOKEN = /[\u3400-\u9fff\uf900-\ufaff]|[A-Za-z0-9]+/g;

/** score.py norm(): NFKC, lower case, without whitespace, punctuation and underscores. */
export function norm(value: unknown): string {
  if (value === null || value === undefined) return '';
  // Python's \W is Unicode-aware: anything but letters, digits (and marks it counts as alnum)
  return String(value)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function tokens(text: string | null | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of (text ?? '').normalize('NFKC').toLowerCase().match(TOKEN) ?? [])
    counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

export function bodyF1(pred: string | null | undefined, gold: string): [number, number, number] | null {
  const p = tokens(pred);
  const g = tokens(gold);
  let gTotal = 0;
  for (const n of g.values()) gTotal += n;
  if (!gTotal) return null;
  let inter = 0;
  let pTotal = 0;
  for (const [t, n] of p) {
    pTotal += n;
    inter += Math.min(n, g.get(t) ?? 0);
  }
  if (!inter) return [0, 0, 0];
  const prec = inter / pTotal;
  const rec = inter / gTotal;
  return [(2 * prec * rec) / (prec + rec), prec, rec];
}

function asList(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.filter((x) => x).map(String);
  return [String(value)];
}

interface View {
  title: unknown;
  body: string | null;
  authors: string[];
  editors: string[];
  source: unknown;
  date: unknown;
  ms: unknown;
  kicker: unknown;
  subtitle: unknown;
  section: string[];
  articleId: unknown;
}

function view(o: Json): View {
  const body = (o.textContent !== undefined && o.textContent !== null ? o.textContent : o.body_text) as
    string | null;
  const authors = asList(o.authors).length
    ? asList(o.authors)
    : asList(o.author).length
      ? asList(o.author)
      : asList(o.byline);
  const editors = asList(o.editors).length ? asList(o.editors) : asList(o.editor);
  return {
    title: o.title,
    body: body ?? null,
    authors,
    editors,
    source: o.source,
    date: o.publishedAt || o.date || o.published,
    ms: o.ms,
    kicker: o.kicker,
    subtitle: o.subtitle,
    section: asList(o.section),
    articleId: o.articleId,
  };
}

export function nameMatch(pred: string[], gold: unknown): boolean | null {
  const g = norm(gold);
  if (!g) return null;
  const joined = norm(pred.join(''));
  if (!joined) return false;
  return (
    g === joined ||
    (joined.includes(g) && joined.length <= 3 * g.length) ||
    (g.includes(joined) && joined.length >= Math.max(2, Math.floor(g.length / 3)))
  );
}

export function dateMatch(pred: unknown, gold: unknown): boolean | null {
  if (!gold) return null;
  if (!pred) return false;
  if (String(gold).slice(0, 10) !== String(pred).slice(0, 10)) return false;
  const gm = /[T ](\d\d:\d\d)/.exec(String(gold));
  if (gm && gm[1] !== '00:00') {
    const pm = /[T ](\d\d:\d\d)/.exec(String(pred));
    return !!pm && pm[1] === gm[1];
  }
  return true;
}

/**
 * Not the scorer's metric, a diagnostic beside it: whether the date is the truth's instant, to the
 * minute, where the truth states its zone (`2016-12-15T20:33:00Z`). dateMatch compares the clock
 * text, so `15:33:00-05:00` for that instant counts as wrong there; null where the truth gives no
 * zone or no time.
 */
export function dateInstantMatch(pred: unknown, gold: unknown): boolean | null {
  const zoned = /[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)$/i;
  if (!gold || !zoned.test(String(gold))) return null;
  if (!pred || !zoned.test(String(pred))) return false;
  const [g, p] = [Date.parse(String(gold)), Date.parse(String(pred))];
  return Number.isFinite(g) && Number.isFinite(p) && Math.abs(g - p) < 60_000;
}

export function titleMatch(pred: unknown, gold: unknown): boolean | null {
  if (!gold) return null;
  return norm(pred) === norm(gold);
}

function snippets(body: string | null, truth: Json): number | null {
  const inc = asList(truth.body_snippets_must_include);
  const exc = [...asList(truth.body_snippets_must_exclude), ...asList(truth.must_exclude)];
  if (!inc.length && !exc.length) return null;
  const b = norm(body);
  const ok = inc.filter((s) => b.includes(norm(s))).length + exc.filter((s) => !b.includes(norm(s))).length;
  return ok / (inc.length + exc.length);
}

export const METRICS = [
  'f1',
  'prec',
  'rec',
  'snip',
  'title',
  'kicker',
  'subtitle',
  'date',
  'dateInstant',
  'author',
  'editor',
  'source',
  'section',
  'articleId',
] as const;
export type Metric = (typeof METRICS)[number];

export interface SystemScores {
  pages: number;
  errors: number;
  values: Record<Metric, number[]>;
  ms: number[];
}

export function emptyScores(): SystemScores {
  return {
    pages: 0,
    errors: 0,
    values: Object.fromEntries(METRICS.map((m) => [m, []])) as unknown as Record<Metric, number[]>,
    ms: [],
  };
}

/** Adds one page's output (`null` when the system produced none or an error) to `scores`. */
export function scorePage(scores: SystemScores, output: Json | null, truth: Json): void {
  scores.pages++;
  let o: Json = output ?? {};
  if (!output || output.error) {
    scores.errors++;
    o = {};
  }
  const v = view(o);
  const push = (metric: Metric, value: boolean | number | null) => {
    if (value !== null) scores.values[metric].push(typeof value === 'number' ? value : value ? 1 : 0);
  };
  if (truth.body_text) {
    const res = bodyF1(v.body, String(truth.body_text));
    if (res) {
      push('f1', res[0]);
      push('prec', res[1]);
      push('rec', res[2]);
    }
  }
  push('snip', snippets(v.body, truth));
  push('title', titleMatch(v.title, truth.title));
  push('date', dateMatch(v.date, truth.date));
  push('dateInstant', dateInstantMatch(v.date, truth.date));
  push('author', nameMatch(v.authors, truth.author));
  push('editor', nameMatch(v.editors, truth.editor));
  push('source', nameMatch(asList(v.source), truth.source));
  push('kicker', titleMatch(v.kicker, truth.kicker));
  push('subtitle', titleMatch(v.subtitle, truth.subtitle));
  const goldSection = asList(truth.section);
  if (goldSection.length) {
    const got = v.section.map(norm).slice(-goldSection.length);
    push('section', got.length === goldSection.length && got.every((s, i) => s === norm(goldSection[i])));
  }
  if (truth.articleId) push('articleId', String(v.articleId ?? '') === String(truth.articleId));
  if (typeof v.ms === 'number') scores.ms.push(v.ms);
}

/** Python's round(x, 3) on a mean, or null for no data. */
export function mean(values: number[]): number | null {
  if (!values.length) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1000) / 1000;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}
