/**
 * Further pages of a paginated article: links to the same path with a _2/_3 suffix
 * (content_123_2.htm, 2840720_2.html, t2019_123_1.html) or labelled 下一页.
 */

export function findPages(doc: Document, url: string): string[] {
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return [];
  }
  const stem = page.pathname.replace(/(_\d{1,2})?(\.s?html?)$/i, '');
  const ext = /\.s?html?$/i.exec(page.pathname)?.[0];
  if (!ext || stem === page.pathname) return [];
  const found = new Map<number, string>();
  let seen = 0;
  for (const a of doc.querySelectorAll('a[href]')) {
    if (++seen > 5_000) break;
    const href = a.getAttribute('href') ?? '';
    if (!href.includes('_')) continue;
    let target: URL;
    try {
      target = new URL(href, url);
    } catch {
      continue;
    }
    if (target.host !== page.host) continue;
    const m = /_(\d{1,2})(\.s?html?)$/i.exec(target.pathname);
    if (!m || target.pathname.slice(0, m.index) !== stem) continue;
    target.hash = '';
    found.set(Number(m[1]), target.toString());
  }
  const self = page.toString();
  return [...found.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, href]) => href)
    .filter((href) => href !== self)
    .slice(0, 100);
}
