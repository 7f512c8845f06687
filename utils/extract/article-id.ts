/** Article ids from URL patterns common on Chinese CMSs (and a declared contentid). */

const URL_PATTERNS: RegExp[] = [
  /content_(\d+)(?:_\d+)?\.s?html?$/i, // content_123.htm (legacy TRS news)
  /\/t\d{8}_(\d+)(?:_\d+)?\.s?html?$/i, // t20190320_123.html (TRS government)
  /\/art_\d+_(\d+)\.html?$/i, // art_1621004_30332664.html
  /\/doc-i([a-z0-9]+)\.shtml$/i, // sina doc-i…
  /\/\d{6,8}\/(\d{4,})(?:_\d+)?\.s?html?$/i, // /<column>/201903/2840720.html
  /\/(\d{5,})(?:_\d+)?\.s?html?$/i, // …/123456.html
  /\/article\/([A-Z0-9]{12,20})\.html$/i, // 163
];

export function articleIdFromUrl(url: string, patterns: readonly RegExp[] = []): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  for (const re of [...patterns, ...URL_PATTERNS]) {
    const m = re.exec(path);
    if (m?.[1]) return m[1];
  }
  return null;
}
