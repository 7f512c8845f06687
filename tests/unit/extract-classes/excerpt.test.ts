/**
 * Class: the excerpt (the popup's one-line summary, when the page gives no description) is the body's
 * first line of prose, not what stands above the lead in the body: a photo's caption, the cells of a
 * fact table (an encyclopedia's infobox, a match's score card).
 */
import { describe, expect, it } from 'vitest';
import { extract, PARAGRAPHS } from './page';

const CAPTION = '图为十二月一日拍摄的长白山池北区滑雪场，游客在雪道上滑行。（记者 王小明 摄）';
const FACT_TABLE = `<table><tr><th>开幕日期</th><td>二〇二四年十二月一日</td></tr>
<tr><th>雪道数量</th><td>四十余条，其中夜间雪道八条，初级雪道十二条</td></tr></table>`;

describe('the excerpt is the first line of prose', () => {
  it('not a photo caption above the lead', () => {
    const figure = `<figure><img src="https://www.example-news.cn/a.jpg"><figcaption>${CAPTION}</figcaption></figure>`;
    const article = extract({ paragraphs: [figure, ...PARAGRAPHS] });
    expect(article.textContent).toContain(CAPTION);
    expect(article.excerpt).toBe(PARAGRAPHS[0]);
  });

  it('not the cells of a fact table above the lead', () => {
    const article = extract({ paragraphs: [FACT_TABLE, ...PARAGRAPHS] });
    expect(article.textContent).toContain('四十余条');
    expect(article.excerpt).toBe(PARAGRAPHS[0]);
  });

  it('a caption still, when the body has no other line long enough', () => {
    const figure = `<figure><img src="https://www.example-news.cn/a.jpg"><figcaption>${CAPTION}</figcaption></figure>`;
    const article = extract({ paragraphs: [figure, '雪季开幕。'] });
    expect(article.excerpt).toBe(CAPTION);
  });
});
