/**
 * Rules are data: where each field lives on one site's pages (a site rule) or on the pages of every
 * site built with one CMS (a CMS-family rule, found by fingerprint). Selectors are tried in order and
 * the first element with a usable value wins; a field a rule leaves out falls back to the next stage
 * (CMS rule, embedded metadata, page heuristics). The shape follows Postlight Parser's extractors.
 */
import type { CmsFingerprint } from './cms/fingerprint';

/** A selector (the element's text) or a `[selector, attribute]` pair (the attribute's value). */
export type FieldSource = string | readonly [selector: string, attribute: string];

export interface FieldRule {
  from: readonly FieldSource[];
  /** elements inside the matched one that are not part of the value (a `.zihao` inside `.zxdata`) */
  drop?: readonly string[];
  /** turns the element's text into the value; null or '' means "no value here, try the next" */
  transform?: (text: string) => string | null;
}

/** A list of sources, or a list with its own drop/transform. */
export type FieldSpec = readonly FieldSource[] | FieldRule;

/** The text fields a rule (or its hook) can point at. Dates are read from the text by the date step. */
export type RuleField =
  'title' | 'kicker' | 'subtitle' | 'published' | 'source' | 'authors' | 'editors' | 'section';

/** What a code hook may return: raw text per field, read by the same steps as a selector's text. */
export type HookValues = Partial<Record<RuleField, string | readonly string[] | null>>;

export interface RuleFields {
  title?: FieldSpec;
  kicker?: FieldSpec;
  subtitle?: FieldSpec;
  /** the publish date (a labelled line is fine: the date is found in its text; an attribute may hold ISO or Unix time) */
  published?: FieldSpec;
  /** the source: a 来源 line, or the outlet name alone */
  source?: FieldSpec;
  authors?: FieldSpec;
  /** 编辑：… lines (inside or after the body) */
  editors?: FieldSpec;
  /** the breadcrumb element */
  section?: FieldSpec;
  /** the body container, in order of preference */
  body?: readonly string[];
  /** removed from the body before cleaning */
  remove?: readonly string[];
  /** article id from the URL: the first capture group of the first matching pattern */
  articleId?: readonly RegExp[];
  /**
   * The lines right above and below the title are the kicker (引题) and the subtitle (副题) even
   * without a heading tag or a telltale class (the site's template puts them there).
   */
  titleBlock?: boolean;
  /** Code where data cannot say it (values in a script, say). Runs on the live page; must not modify it. */
  hook?: (doc: Document, url: URL) => HookValues;
}

export interface SiteRule extends RuleFields {
  /** folder name under rules/sites/, reported as extractor `rule:<name>` */
  name: string;
  /** hostnames; each also matches its subdomains (cnjiwang.com matches news.cnjiwang.com) */
  hosts: readonly string[];
  /** when given, the rule applies only to URLs whose path (with query) matches one of these */
  paths?: readonly RegExp[];
}

export interface CmsRule extends RuleFields {
  /** folder name under rules/cms/, reported as extractor `cms:<name>` */
  name: string;
  /** What marks a page as the CMS's: generator meta, script/stylesheet paths, ids and class names, the URL. */
  fingerprint: CmsFingerprint;
}
