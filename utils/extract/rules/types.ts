/**
 * A site rule is data: where each field lives on one site's pages. Selectors are tried in order and
 * the first element with text wins; a field the rule leaves out falls back to the generic stages.
 */
export interface SiteRule {
  /** folder name, reported as extractor `rule:<name>` */
  name: string;
  /** hostnames; each also matches its subdomains (cnjiwang.com matches news.cnjiwang.com) */
  hosts: string[];
  /** when given, the rule applies only to URLs whose path (with query) matches one of these */
  paths?: RegExp[];
  title?: string[];
  kicker?: string[];
  subtitle?: string[];
  /** elements holding the publish date (a labelled line is fine: the date is found in its text) */
  published?: string[];
  /** elements holding the source: a 来源 line, or the outlet name alone */
  source?: string[];
  authors?: string[];
  /** elements holding 编辑：… lines (inside or after the body) */
  editors?: string[];
  /** the breadcrumb element */
  section?: string[];
  body?: string[];
  /** removed from the body before cleaning */
  remove?: string[];
  /** article id from the URL: the first capture group of the first matching pattern */
  articleId?: RegExp[];
  /**
   * The lines right above and below the title are the kicker (引题) and the subtitle (副题) even
   * without a heading tag or a telltale class (the site's template puts them there).
   */
  titleBlock?: boolean;
}
