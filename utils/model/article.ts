/**
 * The clip record: one JSON shape for the extractor's output, the database, the CLI and the export.
 * Empty is `null` or `[]`, never a guess.
 */

/** How precisely a page stated a time: never more than it said. */
export type DatePrecision = 'year' | 'month' | 'day' | 'minute' | 'second';

export const DATE_PRECISIONS: readonly DatePrecision[] = ['year', 'month', 'day', 'minute', 'second'];

export interface ArticleImage {
  src: string;
  alt: string | null;
  caption: string | null;
}

/** What `extractArticle(document, url)` returns: everything read from the page. */
export interface Article {
  /** 主标题 */
  title: string;
  /** 引题, the line above the headline */
  kicker: string | null;
  /** 副题, the line below the headline (often starts with ——) */
  subtitle: string | null;
  /** 作者/记者/通讯员 */
  authors: string[];
  /** 编辑/责任编辑/责编: never mixed into authors */
  editors: string[];
  /** 来源: the outlet the article came from, not the site that shows it */
  source: string | null;
  siteName: string | null;
  /** ISO 8601 with offset, e.g. 2019-03-20T11:58:00+08:00 */
  publishedAt: string | null;
  /** the date string exactly as the page shows it */
  publishedRaw: string | null;
  /**
   * How much of `publishedAt` the page stated: a date-only page gets 'day' (publishedAt is then that
   * day's midnight in the site's zone, and nothing shows a time). Null when there is no date.
   */
  publishedPrecision: DatePrecision | null;
  /** 栏目 breadcrumb, without 首页 */
  section: string[];
  articleId: string | null;
  url: string;
  canonicalUrl: string;
  lang: string | null;
  excerpt: string | null;
  /** sanitized HTML of the body */
  contentHtml: string;
  /** plain text of the body, paragraphs separated by \n */
  textContent: string;
  images: ArticleImage[];
  /** every page of a paginated article in order, the first included (absolute URLs); [] for one page */
  pages: string[];
  /** which extractor produced it: 'rule:<name>' or 'generic' */
  extractor: string;
}

/** An earlier text of a clip, kept when the page is clipped again. */
export interface ClipVersion {
  savedAt: string;
  title: string;
  contentHtml: string;
  textContent: string;
  /** sha256 of the gzipped page snapshot taken with this text (see Clip.snapshot) */
  snapshot: string | null;
}

/**
 * An image kept with the clip: the stored HTML's <img src> is `assets/<sha256>`, the blob is in the
 * assets store under that hash (and in a ZIP export under that path).
 */
export interface ClipAsset {
  sha256: string;
  /** the image's original address */
  src: string;
  type: string;
  bytes: number;
}

/** The page as the user saw it: the DOM after its scripts ran, without scripts, gzipped. */
export interface ClipSnapshot {
  sha256: string;
  /** gzipped size */
  bytes: number;
  /** size of the HTML before compression */
  htmlBytes: number;
}

/** Something of the page that was not kept, said on the clip. */
export type CaptureNoteCode =
  | 'image-no-permission'
  | 'image-too-large'
  | 'image-clip-cap'
  | 'image-failed'
  | 'pages-limit'
  | 'pages-timeout'
  | 'pages-failed'
  | 'snapshot-too-large';

export interface CaptureNote {
  code: CaptureNoteCode;
  /** the image or page concerned, if one */
  url: string | null;
}

/** The page was found gone when clipped again (a 404 or the site's "article deleted" page). */
export interface GoneMark {
  at: string;
  /** the HTTP status, when that said it */
  status: number | null;
}

/** A stored clip: the article plus what the archive adds. */
export interface Clip extends Article {
  id: string;
  /** hostname of `url`, for the site index and filters */
  host: string;
  clippedAt: string;
  updatedAt: string;
  tags: string[];
  note: string | null;
  versions: ClipVersion[];
  /** who clipped it, `user@device` (or the device), set when the archive syncs; absent before sync */
  clippedBy?: string | null;
  /** images kept with the current text */
  assets: ClipAsset[];
  snapshot: ClipSnapshot | null;
  /** what was not kept at the last clip (images, further pages) */
  notes: CaptureNote[];
  gone: GoneMark | null;
}

/** The clip fields lists show (a summary adds marks; the search index keeps them with the section). */
export type SummaryFields = Pick<
  Clip,
  | 'id'
  | 'title'
  | 'kicker'
  | 'source'
  | 'siteName'
  | 'host'
  | 'publishedAt'
  | 'publishedPrecision'
  | 'clippedAt'
  | 'updatedAt'
  | 'url'
  | 'tags'
>;

/** What lists show: small enough to hold thousands in memory. */
export type ClipSummary = SummaryFields & {
  /** the text changed since it was first clipped (it has earlier versions); absent when not */
  changed?: true;
  /** the page was gone when last clipped again; absent when not */
  gone?: true;
};

/**
 * What lists show of a clip or of a search doc (docs written before clips recorded their date
 * precision have none: null, read as "to the minute").
 */
export function toSummary(
  clip: Omit<ClipSummary, 'publishedPrecision' | 'changed' | 'gone'> & {
    publishedPrecision?: DatePrecision | null;
    versions?: readonly unknown[];
    gone?: unknown;
  },
): ClipSummary {
  const { id, title, kicker, source, siteName, host, publishedAt, clippedAt, updatedAt, url, tags } = clip;
  const summary: ClipSummary = {
    id,
    title,
    kicker,
    source,
    siteName,
    host,
    publishedAt,
    publishedPrecision: clip.publishedPrecision ?? null,
    clippedAt,
    updatedAt,
    url,
    tags,
  };
  if (clip.versions?.length) summary.changed = true;
  if (clip.gone) summary.gone = true;
  return summary;
}

/** Why a page could not be clipped; each code has a one-sentence message in _locales. */
export type ExtractErrorCode =
  | 'restricted-page'
  | 'no-article'
  | 'page-gone'
  | 'not-html'
  | 'frameset'
  | 'injection-failed'
  | 'timeout'
  | 'internal';

export interface ExtractError {
  code: ExtractErrorCode;
  /** English detail for logs; the UI shows the localised message for `code` */
  detail: string;
}

export type ExtractResult = { ok: true; article: Article } | { ok: false; error: ExtractError };
