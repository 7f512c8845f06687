/** Failure class 6: the article's language from its text when the page's `lang` is missing or wrong. */
import { describe, expect, it } from 'vitest';
import { articleLanguage, detectScript } from '@/utils/extract/lang';
import { extract, PARAGRAPHS, TRADITIONAL_PARAGRAPHS } from './page';

const SIMPLIFIED_TEXT = PARAGRAPHS.join('');
const TRADITIONAL_TEXT = TRADITIONAL_PARAGRAPHS.join('');
const JAPANESE_TEXT =
  '東京都は本日、新しい防災計画を発表しました。地震や台風に備えて、各地域の避難所を増やすことが決まりました。';
const ENGLISH_TEXT = 'The snow season opened on Sunday with forty slopes and night skiing for the visitors.';

describe('article language', () => {
  it.each([
    [SIMPLIFIED_TEXT, 'zh-Hans'],
    [TRADITIONAL_TEXT, 'zh-Hant'],
    [JAPANESE_TEXT, 'ja'],
    [ENGLISH_TEXT, 'latin'],
  ])('detects the script of %#', (text, script) => {
    expect(detectScript(text)).toBe(script);
  });

  it.each([
    ['en', SIMPLIFIED_TEXT, 'zh-Hans'],
    ['中文', SIMPLIFIED_TEXT, 'zh-Hans'],
    [null, TRADITIONAL_TEXT, 'zh-Hant'],
    ['zh-CN', TRADITIONAL_TEXT, 'zh-Hant'],
    ['zh-TW', TRADITIONAL_TEXT, 'zh-TW'],
    ['zh-CN', SIMPLIFIED_TEXT, 'zh-CN'],
    ['zh', SIMPLIFIED_TEXT, 'zh-Hans'],
    ['zh-CN', JAPANESE_TEXT, 'ja'],
    ['en-GB', ENGLISH_TEXT, 'en-GB'],
    ['zh-CN', ENGLISH_TEXT, 'en'],
  ])('declared %s over the text → %s', (declared, text, expected) => {
    expect(articleLanguage(declared, text)).toBe(expected);
  });

  it('a Chinese page declaring lang="en" is stored as Chinese', () => {
    expect(extract({ htmlLang: 'en' }).lang).toBe('zh-Hans');
    expect(extract({ htmlLang: null }).lang).toBe('zh-Hans');
  });
});
