/** The bench archive: clips of ~3,000 Chinese characters, the same every run (a fixed seed). */
import type { Clip } from '../utils/article';

export const CHARS = 3_000;

// A fixed pseudo-random stream, so every run measures the same archive.
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
const HANZI =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质';
function chineseText(chars: number): string {
  const paragraphs: string[] = [];
  let left = chars;
  while (left > 0) {
    const length = Math.min(left, 80 + Math.floor(random() * 200));
    let p = '\u3000\u3000';
    for (let i = 0; i < length - 1; i++) p += HANZI[Math.floor(random() * HANZI.length)];
    paragraphs.push(p + '。');
    left -= length;
  }
  return paragraphs.join('\n');
}

export function makeClip(i: number): Clip {
  const text = chineseText(CHARS);
  const url = `https://news.example.cn/a/${2020 + (i % 5)}/${100_000 + i}.html`;
  const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
  return {
    title: `长白山新闻第${i}号 ${text.slice(2, 20)}`,
    kicker: i % 3 === 0 ? '“冰雪季”系列报道：' : null,
    subtitle: null,
    authors: ['李明'],
    editors: ['赵雪'],
    source: '示例日报',
    siteName: '示例新闻网',
    publishedAt: '2024-12-01T09:30:00+08:00',
    publishedRaw: '2024-12-01 09:30',
    section: ['新闻', '旅游'],
    articleId: String(100_000 + i),
    url,
    canonicalUrl: url,
    lang: 'zh-CN',
    excerpt: text.slice(0, 60),
    contentHtml: text
      .split('\n')
      .map((p) => `<p>${p}</p>`)
      .join(''),
    textContent: text,
    images: [],
    pages: [],
    extractor: 'generic',
    id: `clip-${String(i).padStart(6, '0')}`,
    host: 'news.example.cn',
    clippedAt: at,
    updatedAt: at,
    tags: i % 4 === 0 ? ['旅游', '吉林'] : [],
    note: i % 10 === 0 ? '要点：雾凇' : null,
    versions: [],
  };
}
