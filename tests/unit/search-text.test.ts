import { describe, expect, it } from 'vitest';
import { normalize, parseQuery, snippetOf, termsOf, textMatches } from '@/utils/archive/search-text';

describe('terms', () => {
  it('cuts CJK runs into bigrams and keeps Latin words and numbers whole', () => {
    expect([...termsOf('长白山 G20峰会 2024年')].sort()).toEqual(
      ['g20', '峰会', '2024', '年', '长白', '白山'].sort(),
    );
  });

  it('normalises full-width letters and digits and case', () => {
    expect(normalize('ＡＢＣ１２３')).toBe('abc123');
    expect([...termsOf('ＷＴＯ规则')]).toEqual(['wto', '规则']);
  });

  it('a query term of three or more CJK characters is a phrase of bigrams; mixed scripts need the text', () => {
    expect(parseQuery('冰雪')[0]).toMatchObject({ indexTerms: ['冰雪'], phrases: [], needsCheck: false });
    expect(parseQuery('冰雪季')[0]).toMatchObject({
      indexTerms: ['冰雪', '雪季'],
      phrases: [['冰雪', '雪季']],
      needsCheck: false,
    });
    expect(parseQuery('G20峰会')[0]).toMatchObject({ indexTerms: ['g20', '峰会'], needsCheck: true });
    expect(parseQuery('  长白山   WTO ').map((t) => t.text)).toEqual(['长白山', 'wto']);
    expect(parseQuery('雪')[0]!.short).toBe(true);
  });

  it('words match on word boundaries only', () => {
    const [term] = parseQuery('art');
    expect(textMatches('the art of war', term!)).toBe(true);
    expect(textMatches('a party', term!)).toBe(false);
    expect(textMatches('艺术art展', term!)).toBe(true);
  });
});

describe('snippetOf', () => {
  it('marks every hit in a window around the first one, in the original text', () => {
    const text = `${'前文'.repeat(60)}长白山冰雪季开幕，冰雪季持续三个月。${'后文'.repeat(60)}`;
    const snippet = snippetOf(text, parseQuery('冰雪季'))!;
    const marked = snippet.highlights.map(([a, b]) => snippet.text.slice(a, b));
    expect(marked).toEqual(['冰雪季', '冰雪季']);
    expect(snippet.text.startsWith('…')).toBe(true);
  });

  it('maps full-width originals to their own characters', () => {
    const snippet = snippetOf('会议讨论了ＷＴＯ规则', parseQuery('wto'))!;
    const [[a, b]] = snippet.highlights as [[number, number]];
    expect(snippet.text.slice(a, b)).toBe('ＷＴＯ');
  });

  it('returns null when nothing hits', () => {
    expect(snippetOf('长白山', parseQuery('黄山'))).toBeNull();
  });
});
