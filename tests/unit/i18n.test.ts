import { describe, expect, it } from 'vitest';
import { fillMessage, formatPublished, wallClockOf } from '@/utils/ui/i18n';

describe('wallClockOf', () => {
  it('keeps the time a page stated in its own offset', () => {
    expect(wallClockOf('2019-03-20T11:58:00+08:00')?.toISOString()).toBe('2019-03-20T11:58:00.000Z');
    expect(wallClockOf('2024-05-01T08:00:00-05:00')?.toISOString()).toBe('2024-05-01T08:00:00.000Z');
    expect(wallClockOf('2024-05-01T08:00:00Z')?.toISOString()).toBe('2024-05-01T08:00:00.000Z');
  });
  it('gives up on strings without an offset or that are not dates', () => {
    expect(wallClockOf('2024-05-01T08:00:00')).toBeNull();
    expect(wallClockOf('昨天')).toBeNull();
  });
});

describe('formatPublished', () => {
  it('shows no more than the page stated: a date-only page gets no time', () => {
    const iso = '2019-03-20T00:00:00+08:00';
    expect(formatPublished(iso, 'day', 'en')).toBe('Mar 20, 2019');
    expect(formatPublished(iso, 'month', 'en')).toBe('March 2019');
    expect(formatPublished(iso, 'year', 'en')).toBe('2019');
    expect(formatPublished('2019-03-20T11:58:07+08:00', 'second', 'en')).toBe('Mar 20, 2019, 11:58:07 AM');
  });
  it('reads a missing precision as minutes, in the time the page stated', () => {
    expect(formatPublished('2019-03-20T11:58:00+08:00', undefined, 'en')).toBe('Mar 20, 2019, 11:58 AM');
    expect(formatPublished('2019-03-20T11:58:00+08:00', null, 'zh-CN')).toBe('2019年3月20日 11:58');
    expect(formatPublished(null, 'day', 'en')).toBe('');
  });
});

describe('fillMessage', () => {
  it('fills named placeholders and positions as the browser does', () => {
    const entry = {
      message: 'Clips: $VALUE$ · $OTHER$ used, $$5',
      placeholders: { value: { content: '$1' }, other: { content: '$2' } },
    };
    expect(fillMessage(entry, ['3', '1 MB'])).toBe('Clips: 3 · 1 MB used, $5');
    expect(fillMessage(undefined)).toBe('');
  });
});
