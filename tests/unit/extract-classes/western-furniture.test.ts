/**
 * English news pages put furniture inside the story's container, each item a line of its own, and
 * Readability keeps it: the timestamp, the byline, photo credits, newsletter sign-ups, affiliate
 * notices, share bars and comment prompts, the reporter's contact line and bio, a gallery's slide
 * title repeated once per slide, ad markers, a pull quote repeating its words. None of it is the story. Each page here is written for
 * this test in one template's shape (a figure with a credit, a WordPress post, a div-per-line CMS).
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/utils/extract';
import { bodyFromReadability } from '@/utils/extract/body';
import {
  isCreditLine,
  isWesternBylineLine,
  isWesternFurniture,
  timestampLine,
} from '@/utils/extract/western';

const PROSE = [
  'The city council voted on Tuesday to extend the downtown tram line by four miles, ending a dispute that had stalled the project for almost two years.',
  'Supporters said the extension would link the university campus with the hospital district, where parking has become scarce as both institutions have grown.',
  'Opponents argued that the money would be better spent on buses, which serve far more neighbourhoods, and warned that construction would disrupt local businesses.',
  'The final vote was seven to four, with two members who had opposed earlier versions of the plan switching sides after changes to the construction schedule.',
  'Work is expected to begin next spring, and the city says the first trams could run on the new section before the end of the following year.',
];

const URL = 'https://www.example-times.com/news/2024/03/12/tram-extension-approved';

/** A news page: `head` lines right after the headline, `between` after the second paragraph, `foot` after the last. */
function page(
  { head = [], between = [], foot = [] }: { head?: string[]; between?: string[]; foot?: string[] },
  wrap: (line: string) => string = (line) => `<p>${line}</p>`,
): string {
  const lines = (items: string[]) => items.map(wrap).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council approves tram extension</title></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>Council approves tram extension</h1>
<div class="article-body">
${lines(head)}
<p>${PROSE[0]}</p>
<p>${PROSE[1]}</p>
${lines(between)}
<p>${PROSE[2]}</p>
<p>${PROSE[3]}</p>
<p>${PROSE[4]}</p>
${lines(foot)}
</div></article></main>
<footer><p>© 2024 Example Times</p></footer></body></html>`;
}

function body(html: string): string[] {
  return extractArticle(new JSDOM(html, { url: URL }).window.document, URL).textContent.split('\n');
}

describe('Western page furniture inside the body', () => {
  it('drops timestamp lines at the edges of the story, labelled ones anywhere', () => {
    const html = page({
      head: ['Dec. 20, 2016, 12:44 PM UTC / Updated Dec. 20, 2016, 1:00 PM UTC', 'March 12, 2024 | 7:08pm'],
      between: ['Posted on 03/12/2024 11:00 AM PT'],
      foot: ['Published Tue, 2024-03-12 13:49'],
    });
    expect(body(html)).toEqual(PROSE);
  });

  it('drops a labelled time without a date (`Updated at 3:45 p.m.`, `Updated 2 hours ago`) wherever it stands', () => {
    const html = page({
      head: ['Last updated 10:32 AM ET'],
      between: ['Updated 2 hours ago'],
      foot: ['Updated at 3:45 p.m.', 'Posted: 9:05 pm EST'],
    });
    expect(body(html)).toEqual(PROSE);
    // a time alone, unlabelled, may be a live blog's entry heading; a sentence stays
    expect(timestampLine('3:45 p.m.')).toBeNull();
    expect(timestampLine('Updated at 3:45 p.m., the council had still not voted.')).toBeNull();
    expect(timestampLine('Updated fares start at 6 am')).toBeNull();
  });

  it('keeps a bare date between paragraphs (a timeline subhead) and dates inside sentences', () => {
    expect(timestampLine('March 12, 2024')).toBe('bare');
    expect(isWesternFurniture('March 12, 2024', 'middle')).toBe(false);
    expect(isWesternFurniture('March 12, 2024', 'head')).toBe(true);
    expect(timestampLine('On March 12, 2024, the council voted.')).toBeNull();
    expect(timestampLine('Updated rules take effect on March 12, 2024 for all riders')).toBeNull();
  });

  it('drops bylines and the author box links, not sentences that start with "By"', () => {
    const html = page({
      head: ['By Jane Doe and Mary-Kate O’Neil, The Associated Press', 'View author archive'],
      foot: ['Additional reporting by Tom Smith; Editing by Ann Lee'],
    });
    expect(body(html)).toEqual(PROSE);
    expect(isWesternBylineLine('BY JANE DOE')).toBe(true);
    expect(isWesternBylineLine('By Friday, the council had voted.')).toBe(false);
    expect(isWesternBylineLine('By changed lines')).toBe(false);
    expect(isWesternBylineLine('By 2030 the tram will carry 40,000 riders a day')).toBe(false);
    expect(isWesternBylineLine('By The Numbers')).toBe(false);
    expect(isWesternBylineLine('By Contrast')).toBe(false);
  });

  it.each([
    ['(Reporting by Jane Doe in Chicago; Editing by John Smith)'],
    ['Read more about: transit, city council'],
    ['Get the latest news delivered daily!'],
    [
      'We invite you to use our commenting platform to engage in insightful conversations about issues in our community.',
    ],
    ['Please read our commenting policy before posting.'],
    // a page's labels read out for screen readers, and its tools written out
    ['Image source, City Council'],
    ['Story continues'],
    ['Share or comment on this article:'],
    ['Reuse this content'],
  ])('drops the story foot: %s', (line) => {
    expect(body(page({ foot: [line] }))).toEqual(PROSE);
  });

  it('keeps a sentence that quotes a comment policy or gets news delivered', () => {
    const quoted = [
      '“This post violates our comment policy,” a spokesperson for the platform said on Tuesday.',
      'Getting the latest figures delivered to council members took the clerk three weeks.',
    ];
    expect(body(page({ foot: quoted }))).toEqual([...PROSE, ...quoted]);
  });

  it.each([
    ['Written by Michael Larabel in Linux on 5 March 2019', ['Michael Larabel']],
    ['By Jane Doe in Washington on March 12, 2024', ['Jane Doe']],
    ['By Jane Doe Published in FrontBurner December 14, 2016', ['Jane Doe']],
    ['Story by Jane Doe • Photos by John Smith', ['Jane Doe']],
  ])('%s: where the post is filed and who took the pictures are no writers', (byline, authors) => {
    const html = page({ head: [byline] });
    const article = extractArticle(new JSDOM(html, { url: URL }).window.document, URL);
    expect(article.authors).toEqual(authors);
    expect(article.textContent.split('\n')).toEqual(PROSE);
  });

  it('drops photo credits under images, in every shape a credit takes', () => {
    const credits = [
      '(Photo: Brett Davis, USA TODAY Sports)',
      'Credit...Ed Murray/NJ Advance Media',
      'Image by Getty Images',
      'JIM WATSON/AFP/Getty Images',
      '© Alamy',
      'Scott Heins/Gothamist',
      'Courtesy of the City of Springfield',
      'Photograph by H. Armstrong Roberts, ClassicStock/Corbis',
    ];
    const figure = (credit: string) =>
      `<figure><img src="/img/tram.jpg" width="640" height="360" alt=""><figcaption><span class="credit">${credit}</span></figcaption></figure>`;
    const html = page({ head: credits.slice(0, 4), between: credits.slice(4) }, figure);
    expect(body(html)).toEqual(PROSE);
  });

  it('keeps captions, table labels and sentences that mention photos', () => {
    for (const text of [
      'Video shows the first tram leaving the depot',
      'Firm Chop / Crud',
      'Photos of the new trams were shown to the council. They were well received.',
      'The release plan (kovarex)',
      'Credit card debt rose again this year',
      'Copyright law was last changed in 1998',
      'Photos of the crash spread quickly online',
    ])
      expect(isCreditLine(text), text).toBe(false);
  });

  it('drops newsletter sign-ups, affiliate notices, share bars and comment prompts', () => {
    const html = page(
      {
        head: [
          'This article contains affiliate links. We may earn a commission on purchases made through these links.',
        ],
        between: [
          'Sign up for our Morning Briefing newsletter',
          'Enter your email address',
          'By signing up, you agree to our Terms of Use and Privacy Policy.',
          'Share this article Facebook Twitter Email',
        ],
        foot: ['Leave a comment', 'Join the conversation'],
      },
      (line) => `<div>${line}</div>`,
    );
    expect(body(html)).toEqual(PROSE);
  });

  it('drops the reporter’s contact line and the bio at the foot of the story', () => {
    const html = page({
      foot: [
        'Jane Doe is a transport reporter at the Example Times, covering trains, trams and buses.',
        'Write to Jane Doe at jane.doe@example-times.com',
        'Follow her on Twitter @janedoe',
      ],
    });
    expect(body(html)).toEqual(PROSE);
  });

  it('keeps a paragraph about a person in the middle of the story', () => {
    const person =
      'Maria Lopez is a reporter turned councillor who covers her ward on foot, and she voted for the plan after the schedule changed.';
    const html = page({ between: [person] });
    expect(body(html)).toEqual([...PROSE.slice(0, 2), person, ...PROSE.slice(2)]);
  });

  it('drops a gallery’s slide title repeated per slide and a caption printed twice in its figure', () => {
    const gallery = Array.from(
      { length: 5 },
      () => '<div class="slide-title">Tram line through the years</div>',
    );
    const caption = 'The first tram on the extended line leaves the depot.';
    const figure = `<figure><img src="/img/tram.jpg" width="640" height="360" alt=""><p>${caption}</p><figcaption>${caption}</figcaption></figure>`;
    const html = page({ head: [...gallery, figure] }, (line) => line);
    expect(body(html)).toEqual([caption, ...PROSE]);
  });

  it('keeps the same caption under separate figures and repeated cells of a table', () => {
    const figure = (n: number) =>
      `<figure><img src="/img/tram-${n}.jpg" width="640" height="360" alt=""><figcaption>Tram at the depot</figcaption></figure>`;
    const table =
      '<table><tr><td>Line 4 extension</td><td>Line 4 extension</td><td>Line 4 extension</td></tr></table>';
    const html = page({ between: [figure(1), figure(2), figure(3), table] }, (line) => line);
    const lines = body(html);
    expect(lines.filter((l) => l === 'Tram at the depot')).toHaveLength(3);
    expect(lines.filter((l) => l === 'Line 4 extension')).toHaveLength(3);
  });

  it('drops ad markers in their common wordings', () => {
    const html = page(
      {
        between: [
          'Advertisement - story continues below',
          'Story continues below advertisement',
          'Video Ad Feedback',
        ],
        head: ['Enlarge Image'],
      },
      (line) => `<div>${line}</div>`,
    );
    expect(body(html)).toEqual(PROSE);
  });

  it('drops what the page marks as furniture by class: screen-reader labels, credits, bylines, bios, sign-ups', () => {
    const marked = [
      '<figure><img src="/img/tram.jpg" width="640" height="360" alt=""><figcaption><span class="visually-hidden">Image caption</span> The new tram stop <span class="sr-only">Image copyright</span><span class="image-credit">Rail Photo Service</span></figcaption></figure>',
      '<div class="byline"><span class="byline__name">Jane Doe</span> <span class="byline__time">1:39 PM ET</span></div>',
    ];
    const foot = [
      '<p class="author-bio">Jane Doe has followed the city’s transport plans since the first tram proposal in 2015.</p>',
      '<div class="newsletter-box"><h3>Morning Briefing</h3><p>The day’s news before breakfast.</p></div>',
    ];
    const html = page({ head: marked, foot }, (line) => line);
    expect(body(html)).toEqual(['The new tram stop', ...PROSE]);
  });

  it('drops a credit or label marked on a div of its own, which Readability rewrites as a paragraph', () => {
    const figure = (inner: string) =>
      `<figure><img src="/img/tram.jpg" width="640" height="360" alt=""><figcaption class="caption">${inner}</figcaption></figure>`;
    const html = page(
      {
        head: [figure('<div class="caption-credit">Jane Doe</div>')],
        between: [figure('<div>The new tram stop</div><div class="image-credit">Rail Photo Service</div>')],
        foot: ['<div class="visually-hidden">Share on Facebook</div>'],
      },
      (line) => line,
    );
    expect(body(html)).toEqual([...PROSE.slice(0, 2), 'The new tram stop', ...PROSE.slice(2)]);
  });

  it("leaves a byline inside a credit bar to Readability, which reads the page's byline from it", () => {
    const html = page(
      {
        head: [
          '<div class="credit"><div class="credit-text"><cite class="byline vcard"><span>By </span><span class="fn">Jane Doe</span></cite></div></div>',
        ],
      },
      (line) => line,
    );
    const copy = new JSDOM(html, { url: URL }).window.document;
    expect(bodyFromReadability(copy, false)?.readabilityByline).toMatch(/Jane Doe/);
  });

  it.each([
    '<ul><li><a href="/magazine">Magazine</a></li><li><a href="/magazine/issue/january">Gender Revolution</a></li></ul>',
    '<ol class="trail"><li><a href="https://www.example-times.com/news/">News</a> ›</li><li><a href="/news/city/">City</a></li></ol>',
  ])('drops the trail of section links the story opens with: %s', (trail) => {
    expect(body(page({ head: [trail] }, (line) => line))).toEqual(PROSE);
  });

  it.each([
    // a table of contents links within the page
    '<ul><li><a href="#vote">The vote</a></li><li><a href="#cost">The cost</a></li></ul>',
    // a list with an item of text, or longer than a trail
    '<ul><li><a href="/a">Tram plan</a></li><li>Bus plan</li></ul>',
    `<ul>${['A', 'B', 'C', 'D', 'E'].map((n) => `<li><a href="/${n}">Line ${n}</a></li>`).join('')}</ul>`,
  ])('keeps a list opening the story that is no trail: %s', (list) => {
    expect(body(page({ head: [list] }, (line) => line)).length).toBeGreaterThan(PROSE.length);
  });

  it('keeps a story whose container carries such a class, and a caption in a credit element', () => {
    const html = page({}, (line) => line).replace(
      '<div class="article-body">',
      '<div class="article-body byline-wrapper">',
    );
    expect(body(html)).toEqual(PROSE);
    const caption =
      'Riders wait for the first tram at the new stop. The city expects ten thousand riders a day.';
    const withCaption = page(
      {
        between: [
          `<figure><img src="/img/stop.jpg" width="640" height="360" alt=""><figcaption class="credit">${caption}</figcaption></figure>`,
        ],
      },
      (line) => line,
    );
    expect(body(withCaption)).toEqual([...PROSE.slice(0, 2), caption, ...PROSE.slice(2)]);
  });

  it('drops subscription walls, player and reading-time chrome, ad labels, rights lines and tags', () => {
    const html = page(
      {
        head: ['Listen to this article', '3 min', '5 min read', 'Sponsored content'],
        between: ['Already a subscriber? Log in', 'Subscribe to continue reading', '00:38 / 01:22', 'AD'],
        foot: [
          'Copyright 2024 The Associated Press. All rights reserved.',
          'Click here to get the Morning Briefing',
          'Tags: Transport, City Council, Trams',
        ],
      },
      (line) => `<div>${line}</div>`,
    );
    expect(body(html)).toEqual(PROSE);
  });

  it('keeps short sentences about briefings and digests', () => {
    const briefing = 'Council members will get a briefing on the route next week.';
    const digest = 'Residents can subscribe to a digest of the works from the transit office.';
    const html = page({ between: [briefing, digest] });
    expect(body(html)).toEqual([...PROSE.slice(0, 2), briefing, digest, ...PROSE.slice(2)]);
  });

  it('keeps a labelled line inside the story and a sentence about subscribers', () => {
    const topics = 'Topics: the route, the cost and the schedule were all on the agenda.';
    const subscribers =
      'Already a subscriber to the transit pass, she says the tram will save her an hour a day.';
    const html = page({ between: [topics, subscribers] });
    expect(body(html)).toEqual([...PROSE.slice(0, 2), topics, subscribers, ...PROSE.slice(2)]);
  });

  it('leaves a story in Chinese script alone even where the page’s language reads otherwise', () => {
    const chinese = [
      '姑娘越发思念家乡，便向白熊求情。白熊同意她回家看望，但嘱咐她千万不可独自和她的母亲谈话，必须有其他人在场才行。',
      '回到家中的姑娘受到热情招待，而她的母亲总想和她单独说悄悄话。最后，母亲终于把她拉到一边，事无巨细地打探起来。',
      '女儿回到城堡后按照母亲的交代，在夜里偷看身边的人。她发现这是一位俊美迷人的王子，便忍不住多看了几眼。',
    ];
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>月亮的故事</title></head><body><nav><a href="/">首页</a> <a href="/login">ログイン</a></nav><article><h1>月亮的故事</h1>
<div class="note"><p>${chinese[0]}</p><p>${chinese[1]}</p><p>Illustration by Kay Nielsen</p><p>${chinese[2]}</p></div></article></body></html>`;
    const url = 'https://www.example-notes.com/note/12345/';
    const lines = extractArticle(new JSDOM(html, { url }).window.document, url).textContent.split('\n');
    expect(lines).toContain('Illustration by Kay Nielsen');
  });

  it('reads the story’s edges generously: a date under the dek, two bios at the foot', () => {
    const dek =
      'The vote ends a two-year dispute over the route, the cost and the construction schedule of the line.';
    const html = page({
      head: [dek, 'Mar. 12, 2024, 3:36 PM UTC'],
      foot: [
        'Jane Doe is the Example Times’s transport editor. Contact her at jane.doe@example-times.com or on Twitter.',
        'Tom Smith is Opinion Editor of the Example Times.',
      ],
    });
    expect(body(html)).toEqual([dek, ...PROSE]);
  });

  it('drops the plugs and buttons a page writes out as lines', () => {
    const html = page(
      {
        between: [
          'Advert',
          'Show more',
          'What’s your reaction?',
          'See more photos:',
          'Copy link',
          'Media caption',
          'Click to enlarge',
          'Loading...',
          'Your browser does not support the video tag.',
          'Open Image Modal',
          'Supported by',
          'Gift this article',
        ],
        foot: [
          'Sign up for our weekly Transport Brief.',
          'Keep up with the latest city news with the Example Daily newsletter!',
          'What do you think? Scroll down to comment below.',
          'For all our videos and interviews – Subscribe on YouTube!',
          'This article originally appeared on Example Magazine.',
          '[Featured Image by Ann Lee/Getty Images]',
          'Privacy Policy',
          // a comment widget's heading and prompt, a plea for support, a tip line
          'Comments',
          'Be the first to comment.',
          'Support our journalism. Subscribe today.',
          'Have a news tip? Email us at tips@example-times.com.',
          'Do you have a story idea? Contact us.',
          'Sign in to comment',
          'Please enable JavaScript to view the comments.',
          'This article is more than 5 years old',
          'Our Standards: The Thomson Reuters Trust Principles.',
          'Reprints',
          'Filed under',
          // buttons and labels left as lines of one word each
          'Image',
          'Share',
          'Tweet',
          'Email',
        ],
      },
      (line) => `<div>${line}</div>`,
    );
    expect(body(html)).toEqual(PROSE);
  });

  it('drops the links and follow-us lines that close a story, in any language', () => {
    const link = (text: string, n: number) => `<a href="https://www.example-times.com/news/${n}">${text}</a>`;
    // a "read more" block of its own paragraphs, under an English heading
    const readMore = page({
      foot: ['Read more:', link('Tram fares to rise in May', 1), link('The long road to the tram vote', 2)],
    });
    expect(body(readMore)).toEqual(PROSE);
    // a heading and its links in one paragraph, broken by <br> (a Thai site), then the outlet's
    // accounts as plain text with their URLs
    const thai = page({
      foot: [
        `<strong>เรื่องที่เกี่ยวข้อง</strong><br>${link('ลืออุ้ม ผู้ลี้ภัยหายจากที่พัก', 3)}<br>${link('ตร.เร่งหาเบาะแสคดี', 4)}`,
        'ติดตามข่าวได้ที่:<br>เฟซบุ๊ก https://fb.me/example<br>ทวิตเตอร์ https://twitter.com/example<br>LINE ไอดี = @example',
      ],
    });
    expect(body(thai)).toEqual(PROSE);
    // "À lire aussi" with links in list items
    const french = page({
      foot: [
        `À lire aussi :<ul><li>${link('Le tramway en chiffres', 5)}</li><li>${link('Les travaux', 6)}</li></ul>`,
      ],
    });
    expect(body(french)).toEqual(PROSE);
  });

  it('keeps a story’s own single link, links inside it, and a long list of links (a reading list)', () => {
    const link = (text: string, n: number) => `<a href="https://www.example-times.com/news/${n}">${text}</a>`;
    const single = page({ foot: [link('Read the council’s full report', 1)] });
    expect(body(single)).toEqual([...PROSE, 'Read the council’s full report']);
    const inside = page({ between: [link('The council’s report', 2), link('The tram plan', 3)] });
    expect(body(inside)).toEqual([
      ...PROSE.slice(0, 2),
      'The council’s report',
      'The tram plan',
      ...PROSE.slice(2),
    ]);
    const titles = Array.from({ length: 12 }, (_, n) => `Tram deal number ${n + 1}`);
    const list = page({ foot: titles.map((title, n) => link(title, n)) });
    expect(body(list)).toEqual([...PROSE, ...titles]);
  });

  it('drops a screenshot’s credit like a photo’s', () => {
    expect(isCreditLine('Screenshot by Amanda Tan/ONE Esports')).toBe(true);
    expect(isCreditLine('Screenshots of the app were shared online')).toBe(false);
  });

  it('drops the headline repeated at the top of the story, view counters and typo-report prompts', () => {
    // a template that prints the headline as a paragraph inside the story's container
    const html = page({
      head: ['<strong>Council approves tram extension</strong>', 'Visto 314 veces'],
      foot: ['1,204 views'],
    });
    expect(body(html)).toEqual(PROSE);
    const spanish = page({
      between: ['Viewed 12 times'],
      foot: [
        'Spotted a mistake? Select the text and press Ctrl+Enter to tell the editors.',
        'Iezīmējiet tekstu un spiediet Ctrl+Enter, lai nosūtītu labojamo teksta fragmentu redaktoram!',
      ],
    });
    expect(body(spanish)).toEqual(PROSE);
  });

  it('drops a heading left at the end of the story with nothing under it, keeps section headings', () => {
    // the comment form goes as furniture, its heading stays behind unless dropped too
    const html = page(
      {
        between: ['<h2>Why the plan changed</h2>'],
        foot: ['<h2>Leave a reply</h2><form><textarea></textarea><button>Post</button></form>'],
      },
      (line) => line,
    );
    expect(body(html)).toEqual([...PROSE.slice(0, 2), 'Why the plan changed', ...PROSE.slice(2)]);
  });

  it('a dek, an eyebrow and the reading time at the top of the story leave it: dek and eyebrow are subtitle and kicker', () => {
    const html = page({
      head: ['<p class="article-excerpt">Four more miles, two years late</p>', '4 min read · Mar 12, 2024'],
    });
    // the section label printed over the headline (an "eyebrow") is the kicker
    const eyebrow = page({}).replace(
      '<h1>Council approves tram extension</h1>',
      '<p class="eyebrow">Transport</p><h1>Council approves tram extension</h1>',
    );
    const labelled = extractArticle(new JSDOM(eyebrow, { url: URL }).window.document, URL);
    expect(labelled.kicker).toBe('Transport');
    expect(labelled.textContent.split('\n')).toEqual(PROSE);
    const article = extractArticle(new JSDOM(html, { url: URL }).window.document, URL);
    expect(article.textContent.split('\n')).toEqual(PROSE);
    expect(article.subtitle).toBe('Four more miles, two years late');
    expect(article.publishedAt).toBe('2024-03-12T00:00:00+00:00');
  });
});

describe("a widget's own heading", () => {
  it.each([
    '<div><h3>Get the morning briefing</h3><p>Sign up for our newsletter to get the day’s top stories in your inbox.</p><form><input type="email"><button>Sign up</button></form></div>',
    '<div><h4>Don’t miss a story</h4><p>Subscribe to our newsletter</p></div>',
  ])('goes with the widget: %s', (widget) => {
    expect(body(page({ between: [widget] }, (line) => line))).toEqual(PROSE);
  });

  it('a section heading over the story’s own paragraph stays', () => {
    const html = page(
      { between: [`<div><h3>Why the plan changed</h3><p>${PROSE[2]}</p></div>`] },
      (line) => line,
    );
    expect(body(html)).toContain('Why the plan changed');
  });
});

describe("a pull quote repeating the story's words", () => {
  const quote = PROSE[3]!.slice(0, 70);
  it.each([
    [`<blockquote class="pullquote"><p>“${quote}…”</p></blockquote>`],
    [`<blockquote><p>${quote}...</p></blockquote>`],
  ])('is no part of the story: %s', (pullQuote) => {
    expect(body(page({ between: [pullQuote] }, (line) => line))).toEqual(PROSE);
  });

  it('a quotation the story does not repeat stays, and so does one quoted twice', () => {
    const letter =
      'We ask the council to reconsider the route before any contract is signed, for the sake of every shop on Market Street.';
    const html = page(
      {
        between: [`<blockquote><p>${letter}</p></blockquote>`],
        foot: [`<blockquote><p>${letter}</p></blockquote>`],
      },
      (line) => line,
    );
    expect(body(html).filter((line) => line === letter)).toHaveLength(2);
  });
});
