import { describe, expect, it } from 'vitest';
import { articleLang, readingMinutes } from '@/utils/ui/reading';

const chinese = '长春地铁六号线实现全线贯通，预计明年上半年完成设备安装与联调联试。'.repeat(5);

describe('articleLang', () => {
  it('keeps a Chinese lang as the record states it (Simplified or Traditional)', () => {
    expect(articleLang({ lang: 'zh-Hant', title: '臺北', textContent: chinese })).toBe('zh-Hant');
    expect(articleLang({ lang: 'zh-CN', title: '', textContent: chinese })).toBe('zh-CN');
  });
  it('draws Chinese text that a page calls Japanese as Chinese, but not real Japanese', () => {
    expect(articleLang({ lang: 'ja', title: '长春', textContent: chinese })).toBe('zh');
    expect(
      articleLang({ lang: 'ja', title: '東京', textContent: '東京都は新しい計画を発表しました。' }),
    ).toBe('ja');
  });
  it('guesses from the text when the record has no lang', () => {
    expect(articleLang({ lang: null, title: '长春', textContent: chinese })).toBe('zh');
    expect(articleLang({ lang: null, title: 'Wind', textContent: 'The first turbines began.' })).toBe('en');
    expect(articleLang({ lang: 'en', title: 'Wind', textContent: 'The first turbines began.' })).toBe('en');
  });
});

describe('readingMinutes', () => {
  it('reads 400 Chinese characters or 230 English words a minute, at least one', () => {
    expect(readingMinutes('字'.repeat(1200))).toBe(3);
    expect(readingMinutes(Array.from({ length: 460 }, () => 'word').join(' '))).toBe(2);
    expect(readingMinutes('短')).toBe(1);
  });
});
