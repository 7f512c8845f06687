import { describe, expect, it } from 'vitest';
import {
  normalize,
  parseQuery,
  runsOf,
  scanTerms,
  snippetOf,
  termsOf,
  termsOfRun,
  textMatches,
} from '@/utils/archive/search-text';
import { random } from '../../bench/generate';

/** scanTerms' events for `text`, as strings. */
function scanned(text: string, offset: number): string[] {
  const out: string[] = [];
  scanTerms(text, offset, {
    bigrams: (run, base) => out.push(`bigrams ${run} ${base}`),
    term: (term, position) => out.push(`term ${term} ${position}`),
  });
  return out;
}

/** The same events from runsOf, the regular expression that defines the runs (scanTerms finds them by hand). */
function fromRuns(text: string, offset: number): string[] {
  const out: string[] = [];
  const normalized = normalize(text);
  let from = 0;
  for (const run of runsOf(normalized)) {
    const start = normalized.indexOf(run.text, from);
    from = start + run.text.length;
    if (!run.cjk) {
      for (const term of termsOfRun(run)) out.push(`term ${term} -1`);
      continue;
    }
    const base = offset + start;
    if (!/[\ud800-\udfff]/.test(run.text)) {
      if (run.text.length === 1) out.push(`term ${run.text} -1`);
      else out.push(`bigrams ${run.text} ${run.text.length === 2 ? -1 : base}`);
      continue;
    }
    const terms = termsOfRun(run);
    terms.forEach((term, i) => out.push(`term ${term} ${terms.length === 1 ? -1 : (base + i) & 0xff}`));
  }
  return out;
}

describe('terms', () => {
  it('cuts CJK runs into bigrams; Latin words and numbers become their stem and their prefixes', () => {
    expect([...termsOf('长白山 G20峰会 2024年')].sort()).toEqual(
      ['g20', 'g20*', '峰会', '2024', '202*', '2024*', '年', '长白', '白山'].sort(),
    );
    expect([...termsOf('Sanctions')]).toEqual([
      'sanction',
      'san*',
      'sanc*',
      'sanct*',
      'sancti*',
      'sanctio*',
      'sanction*',
    ]);
  });

  it('folds Latin diacritics but leaves CJK as it is', () => {
    expect(normalize('Café Ångström Ḿ')).toBe('cafe angstrom m');
    expect(normalize('がギ한국')).toBe('がギ한국');
  });

  it('normalises full-width letters and digits and case', () => {
    expect(normalize('ＡＢＣ１２３')).toBe('abc123');
    expect([...termsOf('ＷＴＯ规则')]).toEqual(['wto', 'wto*', '规则']);
  });

  it('a query term of three or more CJK characters is a phrase of bigrams; mixed scripts need the text', () => {
    expect(parseQuery('冰雪')[0]).toMatchObject({ indexTerms: ['冰雪'], phrases: [], needsCheck: false });
    expect(parseQuery('冰雪季')[0]).toMatchObject({
      indexTerms: ['冰雪', '雪季'],
      phrases: [['冰雪', '雪季']],
      needsCheck: false,
    });
    expect(parseQuery('G20峰会')[0]).toMatchObject({
      indexTerms: ['峰会'],
      anyOf: [['g20']],
      needsCheck: true,
    });
    // the last word of a query still being typed is also a prefix (longer than PREFIX_MAX: checked)
    expect(parseQuery('sanctions minec')).toMatchObject([
      { anyOf: [['sanction']], needsCheck: false },
      { anyOf: [['minec', 'minec*']], needsCheck: false },
    ]);
    expect(parseQuery('minecrafts')[0]).toMatchObject({
      anyOf: [['minecraft', 'minecraf*']],
      needsCheck: true,
    });
    expect(parseQuery('minec ')[0]).toMatchObject({ anyOf: [['minec']] });
    expect(parseQuery('  长白山   WTO ').map((t) => t.text)).toEqual(['长白山', 'wto']);
    expect(parseQuery('雪')[0]!.short).toBe(true);
  });

  it('words match on word boundaries only', () => {
    const [term] = parseQuery('art');
    expect(textMatches('the art of war', term!)).toBe(true);
    expect(textMatches('a party', term!)).toBe(false);
    expect(textMatches('艺术art展', term!)).toBe(true);
    // the same stem is the same word
    const [sanctions] = parseQuery('sanctions ');
    expect(textMatches('new sanction on steel', sanctions!)).toBe(true);
    expect(textMatches('sanctuary', sanctions!)).toBe(false);
  });
});

describe('scanTerms', () => {
  it('finds the runs runsOf finds, in every script and at the edges of the blocks it tells by code', () => {
    const rand = random(7);
    const pieces = [
      ...'吉林长春한글ｶカひらがなーabzAZ09éÅ\u0301\u0308 ，。、!?-_.\n\t々〆〇〱ゝ㐀ㄱ',
      '𠀀',
      '𠀁',
      '😀',
      '\ud800',
      '\udc00',
      ...[0x4dff, 0x4e00, 0x9fff, 0xa000, 0xabff, 0xac00, 0xd7a3, 0xd7a4, 0x7f, 0x80, 0xaa, 0xb2].map((c) =>
        String.fromCharCode(c),
      ),
      'sanctions',
      'G20',
      'PM2.5',
    ];
    for (let n = 0; n < 3000; n++) {
      const text = Array.from(
        { length: 1 + Math.floor(rand() * 40) },
        () => pieces[Math.floor(rand() * pieces.length)]!,
      ).join('');
      expect(scanned(text, n), JSON.stringify(text)).toEqual(fromRuns(text, n));
    }
  });

  it('the blocks told by code are whole blocks of CJK script', () => {
    const cjk = /^[\p{Script=Han}\p{Script=Hangul}]$/u;
    for (const [from, to] of [
      [0x4e00, 0x9fff],
      [0xac00, 0xd7a3],
    ] as const)
      for (let code = from; code <= to; code++) expect(cjk.test(String.fromCharCode(code))).toBe(true);
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
