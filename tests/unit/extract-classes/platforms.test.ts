/** Failure class 5 (the generic part): modern platforms serve the article hidden until their script runs. */
import { describe, expect, it } from 'vitest';
import { extract, PARAGRAPHS } from './page';

describe('modern platforms', () => {
  it.each(['visibility: hidden;', 'opacity: 0', 'visibility:hidden'])(
    'a body served with %s until the page script reveals it is still the body',
    (style) => {
      const a = extract({
        paragraphs: [],
        after: `<div class="rich_media_content" id="content" style="${style}">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div>`,
      });
      expect(a.textContent).toContain(PARAGRAPHS[1]);
      expect(a.textContent).toContain(PARAGRAPHS[2]);
    },
  );

  it('a small hidden widget stays out of the body', () => {
    const a = extract({ after: '<div style="visibility: hidden">下载客户端 知道了</div>' });
    expect(a.textContent).not.toContain('下载客户端');
  });
});
