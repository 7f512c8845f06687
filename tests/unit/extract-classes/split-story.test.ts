/**
 * A story split into several containers by ads or inline modules (a lead column, then the rest after
 * an ad row): Readability keeps the largest part; the paragraphs carrying the story's own paragraph
 * class elsewhere on the page come back, in page order. Nothing is appended after its last paragraph.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/utils/extract';

const LEAD = [
  'Tim Kaine is not the only opponent Mike Pence faces on Tuesday night in the only debate between the two running mates.',
  'That is one reason the panel of swing-state activists, strategists and operatives is more optimistic than before.',
];
const REST = [
  'Virtually all insiders surveyed last week expect Kaine to do better at the university, a view shared across the party.',
  'Republicans were more divided: some said Pence would calm nervous donors, others that he would struggle to defend the ticket.',
  'Several pointed to the running mate’s long record in Congress and as governor, which gives him plenty to draw on.',
  'Others said the format, with a single moderator and short answers, would favour whoever stayed calm under pressure.',
  'Either way, the insiders agreed that few voters would change their minds because of a vice-presidential debate.',
];

function page(extra = ''): string {
  const p = (text: string) => `<p class="story-text__paragraph">${text}</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Who will win the VP debate</title></head><body>
<header><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav></header>
<h1>Who will win the VP debate</h1>
<section class="row"><div class="story-text">${LEAD.map(p).join('')}</div>
<div class="ad" aria-label="Advertisement"><div class="ad-slot"></div></div></section>
<section class="row"><div class="story-text">${REST.map(p).join('')}</div></section>
${extra}
<aside><p class="story-text__paragraph">A teaser for another story in the sidebar, with a link to it.</p></aside>
</body></html>`;
}

describe('a story split across containers', () => {
  it('gets its lead back, in page order', () => {
    const url = 'https://news.example.com/story/2016/10/vp-debate';
    const a = extractArticle(new JSDOM(page(), { url }).window.document, url);
    expect(a.textContent.split('\n')).toEqual([...LEAD, ...REST]);
  });

  it('appends nothing after the last paragraph the story kept', () => {
    const note =
      '<div class="footer-note"><p class="story-text__paragraph">Write to the reporter at reporter@example.com for more.</p></div>';
    const url = 'https://news.example.com/story/2016/10/vp-debate';
    const a = extractArticle(new JSDOM(page(note), { url }).window.document, url);
    expect(a.textContent).not.toContain('Write to the reporter');
  });
});
