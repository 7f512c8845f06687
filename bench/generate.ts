/**
 * Deterministic news-like clips for the benchmarks: Chinese text built from a vocabulary of words
 * drawn with a Zipf distribution (a few words everywhere, most words rare, as in real news), with
 * punctuation, paragraphs, numbers and the odd Latin word.
 */
import type { Article, Clip } from '../utils/model/article';
import { newClip } from '../utils/archive/clip-store';

// about 600 of the most frequent characters in modern Chinese news text
const CHARS =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质造身南收反业平农马义空百北各东相专际务社导增调众局市具达系更交治制际务型器张火联市特目题委济越往展员连号米持习列族声青报非约料受领权切状该引思史白划压共满清条何造美今识系音质易类需办科温海影极需土且史院断复确段速科般式层林阶委素验号准近存且精论石即响参省花织存装影派商律王低包记信况病证养装书属严织华劳查集带治科写适整候刘红类极北油称易吉林长春白城延边松原通化辽源四平冰雪旅游经济发展企业项目投资会议代表人民政府改革创新建设服务文化教育医疗卫生交通农村城市环境保护安全生产群众干部工作领导责任制度管理监督检查推进落实提高加强完善';

const LATIN = ['GDP', 'CPI', 'APP', 'WTO', 'G20', '5G', 'AI', 'NBA', 'CBA', 'PM2.5'];

/** A small fast PRNG (mulberry32), so every run generates the same archive. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const chars = [...new Set(CHARS)];

export interface Generator {
  article(i: number): Article;
  /** a substring of `length` CJK characters from the body of article i */
  bodySubstring(i: number, length: number, pick: () => number): string;
}

export function generator(seed = 1, bodyChars = 3000): Generator {
  const rand = random(seed);
  const vocabulary = Array.from({ length: 8000 }, () => {
    const length = 1 + Math.floor(rand() * rand() * 4);
    return Array.from({ length }, () => chars[Math.floor(rand() ** 1.6 * chars.length)]).join('');
  });
  // Zipf: word k drawn with probability ∝ 1/(k+1)
  const weights = vocabulary.map((_, k) => 1 / (k + 1));
  const cumulative: number[] = [];
  weights.reduce((sum, w, k) => (cumulative[k] = sum + w), 0);
  const total = cumulative[cumulative.length - 1]!;
  const word = (r: () => number) => {
    const x = r() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < x) low = mid + 1;
      else high = mid;
    }
    return vocabulary[low]!;
  };
  const sentence = (r: () => number, length: number) => {
    let text = '';
    while (text.length < length) {
      text += word(r);
      if (r() < 0.02) text += LATIN[Math.floor(r() * LATIN.length)];
      if (r() < 0.02) text += String(Math.floor(r() * 10_000));
    }
    return text;
  };
  const body = (i: number) => {
    const r = random(seed * 1_000_003 + i);
    const paragraphs: string[] = [];
    let length = 0;
    while (length < bodyChars) {
      let paragraph = '　　';
      const target = 80 + Math.floor(r() * 200);
      while (paragraph.length < target)
        paragraph += sentence(r, 8 + Math.floor(r() * 20)) + (r() < 0.7 ? '，' : '。');
      paragraphs.push(paragraph);
      length += paragraph.length;
    }
    return paragraphs;
  };
  const sources = ['中国吉林网', '吉林日报', '新华社', '人民网', '长春晚报', '城市晚报'];
  const sections = [['第一新闻', '吉林要闻'], ['经济'], ['社会'], ['文化', '旅游'], ['体育']];
  return {
    article(i) {
      const r = random(seed * 7919 + i);
      const paragraphs = body(i);
      const url = `https://www.cnjiwang.com/jlxw/${2020 + (i % 6)}${String(1 + (i % 12)).padStart(2, '0')}/${3_000_000 + i}.html`;
      const published = new Date(Date.UTC(2020 + (i % 6), i % 12, 1 + (i % 28), i % 24, i % 60));
      return {
        title: sentence(r, 14 + Math.floor(r() * 12)),
        kicker: r() < 0.3 ? sentence(r, 12) : null,
        subtitle: r() < 0.2 ? `——${sentence(r, 10)}` : null,
        authors: [sentence(r, 3).slice(0, 3)],
        editors: [sentence(r, 3).slice(0, 3)],
        source: sources[i % sources.length]!,
        siteName: '中国吉林网',
        publishedAt: published.toISOString().replace('.000Z', '+00:00'),
        publishedRaw: published.toISOString().slice(0, 16).replace('T', ' '),
        publishedPrecision: 'minute',
        section: sections[i % sections.length]!,
        articleId: String(3_000_000 + i),
        url,
        canonicalUrl: url,
        lang: 'zh-CN',
        excerpt: paragraphs[0]!.slice(0, 100),
        contentHtml: paragraphs.map((p) => `<p>${p}</p>`).join(''),
        textContent: paragraphs.join('\n'),
        images: [],
        pages: [],
        extractor: 'generic',
      };
    },
    bodySubstring(i, length, pick) {
      const text = body(i).join('\n');
      for (;;) {
        const at = Math.floor(pick() * (text.length - length));
        const candidate = text.slice(at, at + length);
        if (/^\p{Script=Han}+$/u.test(candidate)) return candidate;
      }
    },
  };
}

/**
 * Clip `i` of a generated archive as stored, with what users add (tags on every fourth, a note on
 * every tenth, an earlier version on every twentieth): the export and import benches' records.
 */
export function storedClip(gen: Generator, i: number): Clip {
  const clip = newClip(
    gen.article(i),
    new Date(Date.UTC(2024, 0, 1) + i * 60_000),
    `clip-${String(i).padStart(6, '0')}`,
  );
  return {
    ...clip,
    tags: i % 4 === 0 ? ['旅游', '吉林'] : [],
    note: i % 10 === 0 ? '要点：雾凇\n第二行' : null,
    versions:
      i % 20 === 0
        ? [
            {
              savedAt: clip.clippedAt,
              title: `${clip.title}（旧）`,
              contentHtml: '<p>旧的正文</p>',
              textContent: '旧的正文',
            },
          ]
        : [],
  };
}
