/** The TypeScript port of ../shared/eval/score.py (cross-checked against it on gne-dev outputs). */
import { describe, expect, it } from 'vitest';
import {
  bodyF1,
  dateInstantMatch,
  dateMatch,
  emptyScores,
  mean,
  nameMatch,
  norm,
  scorePage,
  titleMatch,
} from '@/cli/eval-score';

describe('eval metrics', () => {
  it('norm: NFKC, lower case, no spaces or punctuation', () => {
    expect(norm('Ｈｅｌｌｏ，　World_！')).toBe('helloworld');
    expect(norm(null)).toBe('');
  });

  it('body F1 counts CJK characters and Latin/digit runs as tokens', () => {
    expect(bodyF1('中文 abc 12', '中文 abc 12')).toEqual([1, 1, 1]);
    const [f1, prec, rec] = bodyF1('中文新闻 extra', '中文新闻')!;
    expect(prec).toBeCloseTo(4 / 5);
    expect(rec).toBe(1);
    expect(f1).toBeCloseTo((2 * 0.8) / 1.8);
    expect(bodyF1('x', '')).toBeNull();
    expect(bodyF1('', '中')).toEqual([0, 0, 0]);
  });

  it('dates: same day, and the same hh:mm when the truth has a time', () => {
    expect(dateMatch('2019-03-20T11:58:00+08:00', '2019-03-20T11:58')).toBe(true);
    expect(dateMatch('2019-03-20T11:59:00+08:00', '2019-03-20T11:58')).toBe(false);
    expect(dateMatch('2019-03-20T11:59:00+08:00', '2019-03-20')).toBe(true);
    expect(dateMatch(null, '2019-03-20')).toBe(false);
    expect(dateMatch('2019-03-20', null)).toBeNull();
  });

  it('dates as instants, a diagnostic: only where the truth states its zone', () => {
    // the same instant in the site's offset: wrong by the clock text, right as an instant
    expect(dateMatch('2016-12-15T15:33:00-05:00', '2016-12-15T20:33:00.000Z')).toBe(false);
    expect(dateInstantMatch('2016-12-15T15:33:00-05:00', '2016-12-15T20:33:00.000Z')).toBe(true);
    expect(dateInstantMatch('2016-12-15T15:33:00+00:00', '2016-12-15T20:33:00.000Z')).toBe(false);
    expect(dateInstantMatch('2016-12-15', '2016-12-15T20:33:00Z')).toBe(false);
    expect(dateInstantMatch(null, '2016-12-15T20:33:00Z')).toBe(false);
    // a truth without a zone or a time has no instant
    expect(dateInstantMatch('2019-03-20T11:58:00+08:00', '2019-03-20T11:58')).toBeNull();
    expect(dateInstantMatch('2019-03-20T00:00:00+08:00', '2019-03-20')).toBeNull();
  });

  it('names: equal, or containment within length bounds', () => {
    expect(nameMatch(['杨倩'], '杨倩_NF4425')).toBe(true);
    expect(nameMatch(['杨'], '杨倩_NF4425')).toBe(false);
    expect(nameMatch(['张三', '李四'], '张三李四')).toBe(true);
    expect(nameMatch([], '张三')).toBe(false);
    expect(titleMatch('标题 ！', '标题')).toBe(true);
  });

  it('aggregates pages, counting errors and only fields the truth has', () => {
    const scores = emptyScores();
    scorePage(
      scores,
      { title: 'T', textContent: '中文', editors: ['王五'], source: null },
      { title: 't', body_text: '中文', editor: '王五' },
    );
    scorePage(scores, { error: 'no article' }, { title: 'x', body_text: '中' });
    expect(scores.pages).toBe(2);
    expect(scores.errors).toBe(1);
    expect(mean(scores.values.title)).toBe(0.5);
    expect(mean(scores.values.f1)).toBe(0.5);
    expect(scores.values.editor).toEqual([1]);
    expect(scores.values.source).toEqual([]);
  });
});
