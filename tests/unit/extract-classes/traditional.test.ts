/** Failure class 3: Traditional Chinese and HK/TW conventions read alike with Simplified. */
import { describe, expect, it } from 'vitest';
import { parseByline } from '@/utils/extract/byline';
import { extract, TRADITIONAL_PARAGRAPHS } from './page';

const TW_URL = 'https://news.example.com.tw/politics/20130629/217673';

describe('Traditional Chinese bylines', () => {
  it.each([
    ['記者王家俊／台北報導', { authors: ['王家俊'] }],
    ['【丁牧群╱台北報導】', { authors: ['丁牧群'] }],
    ['記者陳小明、林大華／高雄報導', { authors: ['陳小明', '林大華'] }],
    ['（中央社記者黃雅詩台北29日電）', { authors: ['黃雅詩'], source: '中央社' }],
    ['中央社記者張三東京29日專電', { authors: ['張三'], source: '中央社' }],
    ['編輯：王小明', { editors: ['王小明'] }],
    ['責任編輯：陳大文', { editors: ['陳大文'] }],
    ['來源：聯合報', { source: '聯合報' }],
    ['撰文：李四 攝影：周五', { authors: ['李四', '周五'] }],
    ['發佈時間：2013/06/29 22:54', { dateText: '2013/06/29 22:54' }],
    ['更新時間：2013-06-29 22:54', { dateText: '2013-06-29 22:54' }],
    ['發布時間：2013年06月29日', { dateText: '2013年06月29日' }],
  ])('%s', (line, expected) => {
    expect(parseByline(line)).toMatchObject(expected);
  });

  it('a Taiwan news page: reporter and place in brackets, date labelled, site name as the outlet', () => {
    const a = extract(
      {
        htmlLang: null,
        title: '政院通過百億補助 下月起實施',
        docTitle: '政院通過百億補助 下月起實施 | 蘋果日報',
        byline: '<div class="time">發佈時間：2013/06/29 22:54</div>',
        paragraphs: [`【王家俊／台北報導】${TRADITIONAL_PARAGRAPHS[0]}`, ...TRADITIONAL_PARAGRAPHS.slice(1)],
      },
      TW_URL,
    );
    expect(a.authors).toEqual(['王家俊']);
    expect(a.publishedAt).toBe('2013-06-29T22:54:00+08:00');
    expect(a.source).toBe('蘋果日報');
    expect(a.lang).toBe('zh-Hant');
  });

  it('an agency dateline names the agency as the source and the reporter as the author', () => {
    const a = extract(
      {
        htmlLang: 'zh-TW',
        title: '電競亞室運 中華隊奪牌希望濃',
        byline: '<div class="update">更新日期：2013/06/29 22:54</div>',
        paragraphs: [
          `（中央社記者姜遠珍仁川29日電）${TRADITIONAL_PARAGRAPHS[0]}`,
          ...TRADITIONAL_PARAGRAPHS.slice(1),
        ],
        after: '<p>責任編輯：林芳</p>',
      },
      TW_URL,
    );
    expect(a.source).toBe('中央社');
    expect(a.authors).toEqual(['姜遠珍']);
    expect(a.editors).toEqual(['林芳']);
    expect(a.lang).toBe('zh-TW');
  });
});
