/**
 * Runtime checks for records that cross a trust boundary: an Article coming back from the
 * injected script, and clip records in an imported file. Kept in step with ./article.ts by the
 * type assertions at the end.
 */
import * as v from 'valibot';
import { DATE_PRECISIONS, type Article, type Clip } from './article';

const MAX_TEXT = 20_000_000;
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nullableText = (max: number) => v.nullable(text(max));
const names = v.pipe(v.array(text(200)), v.maxLength(100));
const httpUrl = v.pipe(
  v.string(),
  v.maxLength(8_000),
  v.url(),
  v.regex(/^https?:/i, 'must be an http(s) URL'),
);
const isoDate = v.pipe(v.string(), v.isoTimestamp());

export const ArticleSchema = v.strictObject({
  title: text(2_000),
  kicker: nullableText(2_000),
  subtitle: nullableText(2_000),
  authors: names,
  editors: names,
  source: nullableText(500),
  siteName: nullableText(500),
  publishedAt: v.nullable(isoDate),
  publishedRaw: nullableText(500),
  // absent in files written before precision was recorded: read as unknown (null)
  publishedPrecision: v.optional(v.nullable(v.picklist(DATE_PRECISIONS)), null),
  section: names,
  articleId: nullableText(200),
  url: httpUrl,
  canonicalUrl: httpUrl,
  lang: nullableText(50),
  excerpt: nullableText(5_000),
  contentHtml: text(MAX_TEXT),
  textContent: text(MAX_TEXT),
  images: v.pipe(
    v.array(
      v.strictObject({
        src: v.pipe(v.string(), v.maxLength(100_000)),
        alt: nullableText(2_000),
        caption: nullableText(2_000),
      }),
    ),
    v.maxLength(2_000),
  ),
  pages: v.pipe(v.array(httpUrl), v.maxLength(500)),
  extractor: text(100),
});

export const ClipVersionSchema = v.strictObject({
  savedAt: isoDate,
  title: text(2_000),
  contentHtml: text(MAX_TEXT),
  textContent: text(MAX_TEXT),
});

export const ClipSchema = v.strictObject({
  ...ArticleSchema.entries,
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  host: text(300),
  clippedAt: isoDate,
  updatedAt: isoDate,
  tags: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(100))), v.maxLength(200)),
  note: nullableText(100_000),
  versions: v.pipe(v.array(ClipVersionSchema), v.maxLength(50)),
});

// Compile-time proof that the schemas and the interfaces describe the same records.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const articleMatches: Same<v.InferOutput<typeof ArticleSchema>, Article> = true;
const clipMatches: Same<v.InferOutput<typeof ClipSchema>, Clip> = true;
void articleMatches;
void clipMatches;
