/**
 * Article ids from generic URL shapes. A CMS's or a site's own pattern (TRS `t20190320_123.html`,
 * Hanweb `art_1_2.html`, sina `doc-i….shtml`, 163 `/article/….html`) lives in its rule's `articleId`.
 */

const URL_PATTERNS: RegExp[] = [
  /\/\d{6,8}\/(\d{4,})(?:_\d+)?\.s?html?$/i, // /<column>/201903/2840720.html
  /\/(\d{5,})(?:_\d+)?\.s?html?$/i, // …/123456.html
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
