import { describe, expect, it } from 'vitest';
import { parseDate, parseMachineDate } from '@/utils/extract/dates';

const china = { defaultOffset: '+08:00', now: new Date('2024-12-01T10:00:00+08:00') };

describe('parseDate', () => {
  it.each([
    ['2019-03-20 11:58', '2019-03-20T11:58:00+08:00', '2019-03-20 11:58'],
    ['发布时间：2019年03月20日 11:58', '2019-03-20T11:58:00+08:00', '2019年03月20日 11:58'],
    ['2019年3月20日', '2019-03-20T00:00:00+08:00', '2019年3月20日'],
    ['2019/3/20 8:05:09', '2019-03-20T08:05:09+08:00', '2019/3/20 8:05:09'],
    ['2019.03.20', '2019-03-20T00:00:00+08:00', '2019.03.20'],
    ['2019-03-20 11:58:07 | 来源：中国吉林网', '2019-03-20T11:58:07+08:00', '2019-03-20 11:58:07'],
    ['2019年03月20日11时58分', '2019-03-20T11:58:00+08:00', '2019年03月20日11时58分'],
    ['2019年03月20日 11时58分07秒', '2019-03-20T11:58:07+08:00', '2019年03月20日 11时58分07秒'],
    ['2019-03-20T03:58:00Z', '2019-03-20T11:58:00+08:00', '2019-03-20T03:58:00Z'],
    // the year in an element of its own before `MM/DD` (新华网), the time before the date (中時)
    ['2024 03/02 08:11:25', '2024-03-02T08:11:25+08:00', '2024 03/02 08:11:25'],
    ['15:10 2019/09/26', '2019-09-26T15:10:00+08:00', '15:10 2019/09/26'],
  ])('%s', (text, iso, raw) => {
    expect(parseDate(text, china)).toMatchObject({ iso, raw });
  });

  it.each([
    // an offset without its colon, or missing its hour's leading zero, as templates print them
    ['2017-12-01T03:00:00-0800', '2017-12-01T03:00:00-08:00'],
    ['2018-10-29T10:15-500', '2018-10-29T10:15:00-05:00'],
  ])('%s keeps its zone', (text, iso) => {
    expect(parseDate(text, { defaultOffset: '+00:00', toSiteZone: false, now: china.now })?.iso).toBe(iso);
  });

  it('a signed count after a time is no zone (`15:10 +100`)', () => {
    expect(parseDate('2019-09-26 15:10 +100 阅读', china)?.iso).toBe('2019-09-26T15:10:00+08:00');
  });

  it('reads 今天/昨天/前天 relative to the clip time, in the site zone', () => {
    expect(parseDate('昨天 09:15', china)?.iso).toBe('2024-11-30T09:15:00+08:00');
    expect(parseDate('今天 23:59', china)?.iso).toBe('2024-12-01T23:59:00+08:00');
    expect(parseDate('前天 00:01', china)?.iso).toBe('2024-11-29T00:01:00+08:00');
  });

  it('rejects impossible dates and ignores digits inside longer numbers', () => {
    expect(parseDate('2019-02-30', china)).toBeNull();
    expect(parseDate('2019-13-01', china)).toBeNull();
    expect(parseDate('电话 120190320', china)).toBeNull();
    expect(parseDate('no date here', china)).toBeNull();
    // a year beside other numbers is not a date without its separators
    expect(parseDate('2024 120 33', china)).toBeNull();
  });

  it('believes a two-digit year only after a date label', () => {
    expect(parseDate('18-03-08 23:16', china)).toBeNull();
    expect(parseDate('18-03-08 23:16', china, true)?.iso).toBe('2018-03-08T23:16:00+08:00');
    // written with 年月日, as older pages print it; a year after the clip's own is last century's
    expect(parseDate('08年5月12日', china, true)).toMatchObject({
      iso: '2008-05-12T00:00:00+08:00',
      precision: 'day',
    });
    expect(parseDate('08年05月12日09:05', china, true)?.iso).toBe('2008-05-12T09:05:00+08:00');
    expect(parseDate('98-05-12', china, true)?.iso).toBe('1998-05-12T00:00:00+08:00');
    expect(parseDate('08年5月12日', china)).toBeNull();
  });
});

describe('parseMachineDate', () => {
  it('a stamp at midnight or the second before states the day alone, in the zone it names', () => {
    const day = (value: string, context = china) => {
      const date = parseMachineDate(value, context);
      return date && [date.iso, date.precision];
    };
    expect(day('2007-08-20-23:59:59')).toEqual(['2007-08-20T00:00:00+08:00', 'day']);
    expect(day('2007-08-20 00:00:00')).toEqual(['2007-08-20T00:00:00+08:00', 'day']);
    // not moved into China time (08:00), nor a day back from a zone behind UTC
    expect(day('2019-03-05T00:00:00Z')).toEqual(['2019-03-05T00:00:00+08:00', 'day']);
    // where no country places the site, the day stays in the zone the stamp names
    const unplaced = { ...china, defaultOffset: '+00:00', toSiteZone: false };
    expect(day('2016-12-15T00:00:00.000-05:00', unplaced)).toEqual(['2016-12-15T00:00:00-05:00', 'day']);
    expect(day('2016-12-15T00:00:00-0500', unplaced)).toEqual(['2016-12-15T00:00:00-05:00', 'day']);
    expect(day('2016-12-15 00:00:00', unplaced)).toEqual(['2016-12-15T00:00:00+00:00', 'day']);
    // …while a time of day is one
    expect(day('2016-12-15T00:00:01-05:00')).toEqual(['2016-12-15T13:00:01+08:00', 'second']);
    expect(day('2016-12-15T23:59:00+08:00')).toEqual(['2016-12-15T23:59:00+08:00', 'second']);
  });

  it('reads ISO, the CMS dash-before-time form and Unix timestamps', () => {
    expect(parseMachineDate('2007-08-20-23:58:59', china)?.iso).toBe('2007-08-20T23:58:59+08:00');
    expect(parseMachineDate('1553054280', china)?.iso).toBe('2019-03-20T11:58:00+08:00');
    expect(parseMachineDate('1553054280000', china)?.iso).toBe('2019-03-20T11:58:00+08:00');
    expect(parseMachineDate('2019-03-20T11:58:00+08:00', { ...china, defaultOffset: '+00:00' })?.iso).toBe(
      '2019-03-20T03:58:00+00:00',
    );
  });
});
