import { describe, expect, it } from 'vitest';
import { wallClockOf } from '@/utils/ui/i18n';

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
