/**
 * The only space between two words may sit in an inline element that holds nothing else
 * (`misguided<em> </em>policy`, a CMS's leftover `<span>&nbsp;</span>` or `<a> </a>`): cleaning
 * drops the empty element, and must keep its space, or the words run together (`misguidedpolicy`).
 * Each page here is written for this test.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/utils/extract';

const LEAD =
  'The city council voted on Tuesday to extend the downtown tram line by four miles, ending a dispute that had stalled the project for almost two years.';
const REST = [
  'Supporters said the extension would link the university campus with the hospital district, where parking has become scarce as both institutions have grown.',
  'Opponents argued that the money would be better spent on buses, which serve far more neighbourhoods, and warned that construction would disrupt local businesses.',
  'Work is expected to begin next spring, and the city says the first trams could run on the new section before the end of the following year.',
];

function bodyWith(paragraph: string): string[] {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council approves tram extension</title></head>
<body><main><article><h1>Council approves tram extension</h1><div class="story">
<p>${LEAD}</p><p>${paragraph}</p>${REST.map((p) => `<p>${p}</p>`).join('')}
</div></article></main></body></html>`;
  const url = 'https://www.example-times.com/news/2024/03/12/tram-extension-approved';
  return extractArticle(new JSDOM(html, { url }).window.document, url).textContent.split('\n');
}

describe('words kept apart by an empty inline element', () => {
  it.each([
    [
      'an emphasis holding a space',
      'The mayor called the objections “misguided<em> </em>policy advocacy” at the meeting.',
    ],
    [
      'a span holding a no-break space',
      'The mayor called the objections “misguided<span>&nbsp;</span>policy advocacy” at the meeting.',
    ],
    [
      'an empty link holding a space',
      'The mayor called the objections “misguided<a href="#x"> </a>policy advocacy” at the meeting.',
    ],
    [
      'bold holding a line break',
      'The mayor called the objections “misguided<b>\n</b>policy advocacy” at the meeting.',
    ],
  ])('%s', (_shape, paragraph) => {
    expect(bodyWith(paragraph)[1]).toBe(
      'The mayor called the objections “misguided policy advocacy” at the meeting.',
    );
  });
});
