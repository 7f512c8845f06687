import { describe, expect, it } from 'vitest';
import { isBylineLine, parseByline, splitNames, unlabelledOutlet } from '@/utils/extract/byline';

describe('parseByline', () => {
  it('reads time and source on one line (中国吉林网)', () => {
    expect(parseByline('2019-03-20 11:58 | 来源：中国吉林网')).toMatchObject({
      source: '中国吉林网',
      authors: [],
      editors: [],
    });
  });

  it('keeps roles apart: editors are never authors', () => {
    const b = parseByline('来源：新华社 作者：张三 李四 责任编辑：王五');
    expect(b).toMatchObject({ source: '新华社', authors: ['张三', '李四'], editors: ['王五'] });
  });

  it.each([
    ['【编辑：姚昊】', { editors: ['姚昊'] }],
    ['（记者 张三 李四）', { authors: ['张三', '李四'] }],
    ['本报记者 王五', { authors: ['王五'] }],
    ['信息来源:省发改委 | 发布日期:2016-11-22', { source: '省发改委', dateText: '2016-11-22' }],
    ['稿源：吉林日报　责编：刘一', { source: '吉林日报', editors: ['刘一'] }],
    ['文/赵六 图/钱七', { authors: ['赵六'], photographers: ['钱七'] }],
    ['通讯员：孙八、周九', { authors: ['孙八', '周九'] }],
    ['编审：吴十', { editors: ['吴十'] }],
    ['发表于 2014-08-24 21:30 | 1164次阅读 | 来源 CSDN | 作者 魏星', { source: 'CSDN', authors: ['魏星'] }],
    ['编辑： 梁欢欢 吉网新闻热线:0431-82902222', { editors: ['梁欢欢'] }],
    ['责任编辑：杨倩_NF4425', { editors: ['杨倩_NF4425'] }],
    // less common labels are labels too, not parts of a value
    [
      '稿件来源：长春日报 撰稿：张三 实习编辑：李四',
      { source: '长春日报', authors: ['张三'], editors: ['李四'] },
    ],
    ['本文转自：示例日报 执笔：王五', { source: '示例日报', authors: ['王五'] }],
    ['消息來源：中央社 撰稿人：陳六', { source: '中央社', authors: ['陳六'] }],
  ])('%s', (line, fields) => {
    expect(parseByline(line)).toMatchObject(fields);
  });

  it('does not read 图片来源 as the article source', () => {
    expect(parseByline('图片来源：摄图网').source).toBeNull();
  });

  it('does not take a sentence for a name', () => {
    expect(splitNames('吴副市长你好。2月15日')).toEqual([]);
    expect(isBylineLine('记者：围绕学习贯彻落实会议精神，白山市公安对2019年工作是如何谋划的？')).toBe(false);
    expect(isBylineLine('编辑：梁欢欢')).toBe(true);
  });
});

describe('unlabelledOutlet', () => {
  const dated = (t: string) => /\d{4}-\d{2}-\d{2}|昨天/.test(t);
  it('takes the outlet named beside the date', () => {
    expect(unlabelledOutlet([{ text: '原创 南方都市报 2019-09-09 16:01:46' }], dated, 'x')).toBe(
      '南方都市报',
    );
    expect(unlabelledOutlet([{ text: '2019-05-17 · 苏皖城市报道' }], dated, 'x')).toBe('苏皖城市报道');
  });
  it('takes the name right after the date, past the widgets that follow it', () => {
    expect(
      unlabelledOutlet([{ text: '2019-09-11 01:53 新浪科技 我有话说( 1307 人参与) 收藏本文' }], dated, 'x'),
    ).toBe('新浪科技');
    expect(unlabelledOutlet([{ text: '2019-09-11 01:53 收藏本文 打印' }], dated, 'x')).toBeNull();
  });
  it("a counter's label beside the outlet does not make the line a labelled one", () => {
    expect(unlabelledOutlet([{ text: '2023-05-12 08:23:11 | 新华网 | 浏览量：1234' }], dated, 'x')).toBe(
      '新华网',
    );
    expect(unlabelledOutlet([{ text: '2023-05-12 08:23 新华网 阅读：56' }], dated, 'x')).toBe('新华网');
    expect(unlabelledOutlet([{ text: '2023-05-12 08:23 聯合報 點擊: 7' }], dated, 'x')).toBe('聯合報');
  });
  it('reads only what stands before the first label: the date and the outlet beside it', () => {
    expect(unlabelledOutlet([{ text: '2023-05-12 08:23 新华网 作者：张三' }], dated, 'x')).toBe('新华网');
    // a line that opens with a label is parseByline's
    expect(unlabelledOutlet([{ text: '作者：张三 2023-05-12 08:23 新华网' }], dated, 'x')).toBeNull();
    expect(unlabelledOutlet([{ text: '来源：新华网 2023-05-12 08:23' }], dated, 'x')).toBeNull();
  });
  it('takes an account name on its own line above the date', () => {
    expect(
      unlabelledOutlet(
        [{ text: 'IT之家' }, { text: '发布时间：2019-09-30 22:46 某某科技有限公司' }],
        dated,
        'x',
      ),
    ).toBe('IT之家');
  });
  it('gives nothing without a date line', () => {
    expect(unlabelledOutlet([{ text: '南方都市报' }], dated, 'x')).toBeNull();
  });
});
