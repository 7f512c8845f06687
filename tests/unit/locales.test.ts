import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import zh from '../../public/_locales/zh_CN/messages.json';

describe('_locales', () => {
  it('Chinese and English define the same messages, none empty', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const messages of [en, zh]) {
      for (const [key, entry] of Object.entries(messages)) expect(entry.message, key).not.toBe('');
    }
  });
});
