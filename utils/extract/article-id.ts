/**
 * Article ids from generic URL shapes. A CMS's or a site's own pattern (TRS `t20190320_123.html`,
 * Hanweb `art_1_2.html`, sina `doc-i….shtml`, 163 `/article/….html`) lives in its rule's `articleId`.
 */

const URL_PATTERNS: RegExp[] = [
  /\/\d{6,8}\/(\d{4,})(?:_\d+)?\.s?html?$/i, // /<column>/201903/2840720.html
  /\/(\d{5,})(?:_\d+)?\.s?html?$/i, // …/123456.html
];

/**
 * The article id in `url`: a rule's patterns first, tried on the path and then on the path with its
 * query (PHPCMS `…&id=12`, Discuz! `tid=34`), then the generic shapes, on the path alone.
 */
export function articleIdFromUrl(url: string, patterns: readonly RegExp[] = []): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const path = parsed.pathname;
  const tries: Array<[RegExp, string]> = [
    ...patterns.flatMap((re): Array<[RegExp, string]> => [
      [re, path],
      [re, path + parsed.search],
    ]),
    ...URL_PATTERNS.map((re): [RegExp, string] => [re, path]),
  ];
  for (const [re, text] of tries) {
    const m = re.exec(text);
    if (m?.[1]) return m[1];
  }
  return null;
}
