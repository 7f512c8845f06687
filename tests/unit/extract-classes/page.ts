/** Small news pages written for the failure-class tests: a headline, a byline zone, a body. */
import { JSDOM } from 'jsdom';
import { explainArticle } from '@/utils/extract';
import type { Article } from '@/utils/model/article';

export const PARAGRAPHS = [
  '十二月一日，长白山冰雪季在池北区正式开幕。开幕式上，来自全国各地的滑雪爱好者齐聚一堂，共同迎接新雪季的到来。',
  '据景区管委会介绍，今年冰雪季共推出雪道四十余条，新增夜间滑雪、雪地温泉等特色项目，预计接待游客人数将比去年同期增长三成以上。',
  '为保障游客安全，景区增设了医疗救护点和安全巡逻队，并对所有缆车设施进行了全面检修，让游客玩得开心、玩得放心。',
];

export const TRADITIONAL_PARAGRAPHS = [
  '行政院今日召開院會，通過多項與民生相關的法案，並宣布將在下個月起實施新的補助措施，協助中小企業度過難關。',
  '官員表示，這項計畫預計將投入新台幣一百億元，涵蓋製造業、服務業與農業等領域，申請資格與流程將於近日公布。',
  '多位立法委員對此表示肯定，但也提醒政府應加強監督，確保補助真正落實到需要幫助的民眾與企業手中。',
];

export const ENGLISH_PARAGRAPHS = [
  'The city council voted on Tuesday to approve a new plan for public transit, ending months of debate over how to pay for the expansion of bus routes across the northern suburbs.',
  'Supporters said the plan would cut commute times for thousands of workers, while opponents warned that the cost could climb well beyond the estimates presented to the council this spring.',
  'The first new routes are expected to open next year, officials said, with the full network finished by the end of the decade if funding from the state arrives on schedule.',
  'The council will take up the question of fares at its next meeting in October, when members are expected to weigh a proposal to freeze prices for riders under eighteen.',
];

export interface PageParts {
  /** extra <head> markup */
  head?: string;
  htmlLang?: string | null;
  title?: string;
  docTitle?: string;
  /** markup between the headline and the body */
  byline?: string;
  /** markup before the headline (breadcrumb, navigation) */
  above?: string;
  paragraphs?: readonly string[];
  /** markup after the body (editor line, related lists, footer) */
  after?: string;
}

export const URL = 'https://www.example-news.cn/society/2024/12/01/12345.html';

export function pageHtml(parts: PageParts = {}): string {
  const title = parts.title ?? '长白山冰雪季开幕 游客同比增长三成';
  const lang = parts.htmlLang === undefined ? 'zh-CN' : parts.htmlLang;
  const paragraphs = parts.paragraphs ?? PARAGRAPHS;
  return `<!doctype html><html${lang === null ? '' : ` lang="${lang}"`}><head><meta charset="utf-8">
<title>${parts.docTitle ?? title}</title>${parts.head ?? ''}</head><body>
${parts.above ?? ''}
<div class="article">
  <h1>${title}</h1>
  ${parts.byline ?? ''}
  <div class="text">${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</div>
  ${parts.after ?? ''}
</div></body></html>`;
}

type Extracted = Article & { origins: Record<string, string> };

/** The article in a whole page written for a test, read as if clipped on 2024-12-02. */
export function extractHtml(html: string, url = URL): Extracted {
  const dom = new JSDOM(html, { url });
  const { article, origins } = explainArticle(dom.window.document, url, {
    now: new Date('2024-12-02T00:00:00Z'),
  });
  return { ...article, origins: origins as Record<string, string> };
}

export function extract(parts: PageParts = {}, url = URL): Extracted {
  return extractHtml(pageHtml(parts), url);
}
