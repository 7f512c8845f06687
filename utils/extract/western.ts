/**
 * Furniture of Western (non-Chinese) news pages that Readability keeps inside the body, each a line
 * of its own or an element the page marks as such: timestamps, bylines, the reporter's contact line
 * and bio, photo credits, newsletter and affiliate notices, share bars, subscription walls, player
 * chrome, ad labels, a gallery's repeated slide titles and pager, "continue reading" breaks and
 * pointer links (`Related: …`). Each test reads one line's text; where a class is furniture only
 * at the edges of the story (a bare date, a bio), the caller says where the line stands.
 */
import { MONTH_NAME } from './dates';
import type { Line } from './lines';
import { cjkRatio } from './text';

/** Where a line stands in the body: before its first prose paragraph, after its last, or between. */
export type LinePlace = 'head' | 'middle' | 'tail';

const WEEKDAY =
  'mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?';
/** Words a timestamp line may carry beside the date: labels, "at", "on", time zones, the reading time. */
const STAMP_LABEL =
  /^(published|updated|last|first|posted|submitted|modified|created|originally|date|time|on|at|am|pm|a\.m\.?|p\.m\.?|utc|gmt|[a-z]?[ecmpah][sd]t|[ecmp]t|bst|cet|cest|ist|aest|aedt|hkt|jst|kst|sgt|ago|edited|uhr|le|publié|mis|à|jour|aktualisiert|veröffentlicht|publicado|actualizado|min|mins|minutes?|read|reading)$/;
const STAMP_LABELLED =
  /\b(published|updated|posted|submitted|modified|created|aktualisiert|veröffentlicht|publié|publicado|actualizado)\b/i;
const DATE_PART = new RegExp(
  String.raw`\b(?:(?:${MONTH_NAME})\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+(?:${MONTH_NAME})\.?,?(?:\s+\d{4})?|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d{2})\b`,
  'gi',
);
const TIME_PART = /\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?(?![a-z])/gi;
const WEEKDAY_PART = new RegExp(String.raw`\b(?:${WEEKDAY})\b\.?`, 'gi');
/** How long ago, as a labelled stamp says it (`Updated 2 hours ago`). */
const AGO_PART = /\b\d{1,2}\s+(?:min(?:ute)?s?|hours?|hrs?|days?)\s+ago\b/gi;

/**
 * A line that only dates the story (`Dec. 20, 2016, 12:44 PM UTC / Updated Dec. 20, 2016, 1:00 PM
 * UTC`, `Posted on 11/28/2016 11:00 AM PT`, `October 06, 2018`), maybe after its outlet in brackets
 * (`(People's Daily Online) 14:31, September 26, 2019`): 'labelled' when a label says so (furniture
 * wherever it stands), 'bare' for a date alone (furniture at the body's edges only: in the middle it
 * may be a timeline's subhead).
 */
export function timestampLine(text: string): 'labelled' | 'bare' | null {
  if (text.length > 100) return null;
  let rest = text.toLowerCase().replace(/^\s*\([^()]{2,40}\)\s*/, '');
  const labelled = STAMP_LABELLED.test(text);
  // a time or an age without a date dates the story only under a label (`Updated at 3:45 p.m.`):
  // alone, a time may head a live blog's entry
  // (search, unlike test, leaves a global pattern's lastIndex as it was)
  const has = (part: RegExp) => rest.search(part) >= 0;
  if (!has(DATE_PART) && !(labelled && (has(TIME_PART) || has(AGO_PART)))) return null;
  rest = rest
    .replace(DATE_PART, ' ')
    .replace(AGO_PART, ' ')
    .replace(TIME_PART, ' ')
    .replace(WEEKDAY_PART, ' ');
  // (a period closes it, `… 08:34 PM EDT.`)
  const words = rest.split(/[\s,|/·•–—:()\-[\].]+/).filter(Boolean);
  if (!words.every((w) => STAMP_LABEL.test(w) || /^\d{1,4}$/.test(w))) return null;
  return labelled ? 'labelled' : 'bare';
}

/** Lower-case particles inside a name, up to two in a row: `del Valle`, `de la Garza`, `von der Leyen`. */
const NAME_PARTICLE = '(?:de|da|di|do|du|del|della|der|den|des|dos|das|la|le|van|von|bin|ibn|al|el)';
/**
 * A capitalised name of two to four words (`Valentina Palladino`, `Mary-Kate O’Neil`, `JIM WATSON`,
 * `Alejandro de la Garza`), as bylines and links to a writer's page print it.
 */
export const LATIN_NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+(?:${NAME_PARTICLE}\s+){0,2}\p{Lu}[\p{L}'’.-]*){1,3}`;
/** A newsroom's roles, as a byline names them after the writer (`Jane Doe, Staff Writer`). */
const ROLE = 'writer|reporter|correspondent|editor|contributor|columnist|producer';
/**
 * An outlet or role after a byline's name: capitalised words (`Staff Writer`, `The Associated
 * Press`), a role in lower case after its capital (`Staff reporter`, `Staff writers`) or the
 * outlet's web address (`chinadaily.com.cn`).
 */
const AFFILIATION = String.raw`(?:\p{Lu}\p{L}*\s+(?:${ROLE})s?|(?:the\s+)?\p{Lu}[\p{L}'’.&-]*(?:(?:\s+(?:of|for|and|the|at|to)){0,2}\s+\p{Lu}[\p{L}'’.&-]*){0,6}|[a-z][\w-]*(?:\.[a-z]{2,})+)`;
/** Words a title-case subhead opens with after "By" (`By The Numbers`, `By Contrast`): no name. */
const NOT_A_NAME = String.raw`(?:The|A|An|This|That|These|Those|Our|Your|My|His|Her|Its|Their|Any|All|Some|Most|Contrast|Comparison|Design|Default|Far|Then|Now|Way|Day|Night|Land|Air|Sea|Hand|Car|Bus|Train|Numbers)\b`;
// (a label before a byline that says "by" itself reads `By by Jane Doe`; a decorative mark may open
// the line: `// By Jane Doe`, `— By Jane Doe`)
const BYLINE_LEAD =
  /^(?:[/|·•—–-]+\s*)?(?:by|written by|story by|words by|text by|posted by|report(?:ing|ed)? by|compiled by)(?:\s*:)?\s+(?:by\s+)?/i;
/** Where a writer filed from, after the name (the Guardian's `Jane Doe in Beijing`). */
const FILED_FROM = String.raw`\s+in\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)?`;
/** A byline's name, maybe with where the writer filed from. */
const BYLINE_NAME = String.raw`${LATIN_NAME}(?:${FILED_FROM})?`;
/**
 * What follows the lead: names in their own capitals (case-sensitive, so `By changed lines` is no
 * byline), then maybe their affiliations (`, Professor of History, Example State University`, the
 * Taipei Times' `/ Staff reporter`, `/ Staff writer, with AFP`).
 */
const BYLINE_NAMES = new RegExp(
  String.raw`^(?!${NOT_A_NAME})${BYLINE_NAME}(?:\s*(?:,|and|AND|&)\s*${BYLINE_NAME})*(?:\s*(?:,|\||–|—|-|/|for)\s*${AFFILIATION}(?:\s*,\s*(?:and\s+|with\s+)?${AFFILIATION})*)?\.?$`,
  'u',
);
/** The roles a wire story's closing credits name, each before `by` (and an editor's own `Edited by`). */
export const WIRE_ROLE = '(?:additional )?(?:reporting|writing|editing|edited|research)';
/**
 * A wire story's credits at its foot: `Reporting by A in London; Writing by B; Editing by C`, and an
 * editor's own (`Edited by C`).
 */
export const WIRE_CREDITS = new RegExp(
  String.raw`^\(?${WIRE_ROLE} by [^.!?()]{2,80}(?:;\s*${WIRE_ROLE} by [^.!?()]{2,80})*\.?\)?\.?$`,
  'i',
);
/** The author box's links and the wire's credits. */
const BYLINE_CHROME = new RegExp(
  String.raw`^(view|see|more|read) (author archive|all (posts|articles|stories)( by .{1,40})?|(more )?(posts|articles|stories) by .{1,40})$|${WIRE_CREDITS.source}`,
  'i',
);

/**
 * A byline's names and affiliation without the time a bar adds after them (`By ZHANG SAN |
 * chinadaily.com.cn | Updated: 2019-09-26 15:10`) or that follows them on the line (`By Jane Doe
 * March 12, 2024 3:46 PM`, `By Jane Doe, Updated 3:46 PM EDT, Tue March 12, 2024`).
 */
function bylineRest(text: string, lead: RegExpExecArray): string {
  const rest = text
    .slice(lead[0].length)
    .replace(/(?:\s*\|\s*[^|]*\d[^|]*)+$/, '')
    // the comment count or the reading time closing the line (`… 08:34 PM EDT. 5 Comments`,
    // `By Jane Doe 5 minute Read`, `· Reading time: 4 min`)
    .replace(/[\s.·|]*\d+\s+comments?$/i, '')
    .replace(READING_TIME, '')
    // the pictures' credit after a bullet (`Story by A • Photos by B`)
    .replace(PICTURE_CREDIT_AFTER, '');
  const cut = beforeTimestamp(rest);
  return cut === rest ? rest : cut.replace(FILED_IN, '');
}

/** The text before the timestamp that closes it (`Jane Doe Dec 1, 2024`), or the text itself. */
export function beforeTimestamp(text: string): string {
  if (!/\d/.test(text)) return text;
  for (const gap of text.matchAll(/[\s,|·–—-]+/g)) {
    const at = gap.index! + gap[0].length;
    // (`Last updated: …` is a label of two words)
    if (gap.index! > 0 && timestampLine(text.slice(at)))
      return text.slice(0, gap.index).replace(/\s*\blast$/i, '');
  }
  return text;
}

/** The reading time closing a byline's line (`5 minute Read`, `· 4 min read`, `Reading time: 4 min`). */
const READING_TIME =
  /[\s.·•|–—-]*(?:\d+(?:\s*|-)(?:min(?:ute)?s?\.?)\s*(?:read|reading)(?:\s+time)?|reading\s+time\s*:?\s*\d+\s*min(?:ute)?s?\.?)$/i;

const PICTURE_CREDIT_AFTER =
  /\s*[•·|]\s*(?:photos?|photography|pictures?|illustrations?|video|graphics?|images?)\s+by\b.*$/i;
/**
 * Where a blog files the post, before its date (`Written by A in Linux on 5 March 2019`, `By A
 * Published in FrontBurner December 14, 2016`).
 */
const FILED_IN =
  /\s+(?:(?:[Pp]ublished|[Pp]osted|[Ff]iled)\s+)?(?:in\s+\p{Lu}[\p{L}\d&-]*(?:\s+\p{Lu}[\p{L}\d&-]*){0,3}\s*)?(?:on|at)?$/u;

/** A byline standing as a line of its own (`By Jane Doe, Staff Writer`, `View author archive`). */
export function isWesternBylineLine(text: string): boolean {
  // (a wire's credits may name many: Reporting by A and B in London; Additional reporting by C; …)
  if (text.length <= 300 && BYLINE_CHROME.test(text)) return true;
  if (text.length > 120) return false;
  const lead = BYLINE_LEAD.exec(text);
  return !!lead && BYLINE_NAMES.test(bylineRest(text, lead));
}

/**
 * The last word of a role, a job title, an outlet or an organisation after a byline's comma: `Staff
 * Writer`, `The Daily Post`, `Senior Staff Technologist`, `Example Policy Institute`.
 */
const ROLE_OR_OUTLET = new RegExp(
  String.raw`\b(${ROLE}|staff|press|news|times|post|journal|tribune|herald|gazette|daily|weekly|magazine|network|media|wire|service|agency|bureau|online` +
    String.raw`|technologist|analyst|director|fellow|professor|counsel|attorney|officer|manager|president|strategist|scientist|researcher|lecturer|economist|advocate|specialist|coordinator` +
    String.raw`|project|program|programme|center|centre|institute|university|college|school|foundation|association|council|committee|society|union|lab|laboratory|department|initiative|coalition|alliance)$`,
  'i',
);
/** A title with its field or its employer (`Professor of History`, `Fellow at Example`). */
const TITLE_OF = /\s(?:of|at)\s/i;
/** An organisation named by its acronym first (`ACLU Speech`), unlike a name set in capitals. */
const ACRONYM_FIRST = /^[A-Z]{2,6}\s+(?=\S*[a-z])/;

/** Whether a byline's part after its first name is the writer's title or employer, where the names end. */
function isAffiliation(part: string): boolean {
  return ROLE_OR_OUTLET.test(part) || TITLE_OF.test(part) || ACRONYM_FIRST.test(part);
}

/**
 * Whether a byline's part after its first name is another writer: a name of its own words, not an
 * outlet or a role (`CNN`, `Staff Writer`, `The Guardian`, `Special to The Times`).
 */
export function isFurtherWriter(name: string): boolean {
  // (no one's name opens with "The": `Jane Doe | The Guardian`)
  return /\s/.test(name) && !isAffiliation(name) && !/^(?:special to|the)\b/i.test(name);
}

/**
 * A role alone, as a byline's comma leaves it for a name (`Staff Reporter`, `Senior Washington
 * Correspondent`): no one's name. A surname that is a role word (Mark Writer) is not one.
 */
export const ROLE_TITLE = new RegExp(
  String.raw`^(?:(?:senior|chief|staff|special|contributing|political|foreign|business|sports|science|health|digital|deputy|associate|managing|executive|news|features?|investigative|national|local|washington)\s+)+(?:${ROLE}|photographer|intern)s?$|^(?:writer|reporter|correspondent|contributor|columnist)s?$`,
  'i',
);

const FILED_FROM_END = new RegExp(`${FILED_FROM}$`, 'u');

/**
 * A name without the role its element set after it with no comma (`Jane Doe Senior Editor`, as
 * `<span>Jane Doe</span> <span>Senior Editor</span>` reads): a role of two words or more, so that a
 * surname that is a role word (Mark Writer) stays.
 */
function withoutTrailingRole(name: string): string {
  const words = name.split(/\s+/);
  for (let i = 2; i <= words.length - 2; i++)
    if (ROLE_TITLE.test(words.slice(i).join(' '))) return words.slice(0, i).join(' ');
  return name;
}

/** A name set in capitals and the words after it that are not (AP's `JANE DOE Associated Press`). */
const CAPITALS_THEN_OUTLET = /^([A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*)+)\s+(?=[A-Z][a-z])/;

/**
 * The writers an English byline names (`By Jane Doe and Mary-Kate O’Neil, The Associated Press`):
 * the names before the outlet, which follows a bar, a dash, a slash, "for" or a comma and "The", or stands
 * after the names as one word.
 */
export function westernBylineNames(text: string): string[] {
  if (text.length > 120) return [];
  const lead = BYLINE_LEAD.exec(text);
  const rest = lead ? bylineRest(text, lead) : '';
  if (!rest || !BYLINE_NAMES.test(rest)) return [];
  const names = rest.split(/\s*(?:\||–|—|\s-\s|\s\/\s|\bfor\b|,\s*(?=the\s))\s*/i)[0]!;
  const parts = names
    .split(/\s*(?:,|&|\band\b|\bAND\b)\s*/)
    .map((name) => name.trim().replace(/\.$/, '').replace(FILED_FROM_END, ''))
    // a name in capitals, then the outlet in its own case (`By JANE DOE Associated Press`)
    .map((name) => CAPITALS_THEN_OUTLET.exec(name)?.[1] ?? name)
    .map(withoutTrailingRole);
  // a title or an employer ends the names: what follows it is theirs (`…, ACLU Speech, Privacy, and
  // Technology Project`)
  // (an outlet in capitals after a name in its own case: `By Jane Doe, USA TODAY`)
  const capitals = (part: string) => /\p{L}/u.test(part) && part === part.toUpperCase();
  const end = parts.findIndex(
    (part, i) => i > 0 && (isAffiliation(part) || (capitals(part) && !capitals(parts[0]!))),
  );
  return (
    (end > 0 ? parts.slice(0, end) : parts)
      // a single word after the first name is the outlet (`By A and B, CNN`), not a writer; nor is
      // a role or an outlet named after a comma (`By A, Staff Writer`, `By A, Associated Press`)
      .filter((name, i) => name && (i === 0 || isFurtherWriter(name)))
  );
}

/**
 * The reporter's contact line (`Write to Jane Doe at jane.doe@example.com`, `Follow her on Twitter
 * @janedoe`) and, at the foot of the story only, the bio (`Jane Doe is a reporter at …`).
 */
const CONTACT =
  /^(write to|contact|email|e-mail|reach|you can reach|follow)\b.{0,120}(@|\bon (twitter|x|instagram|facebook|linkedin|bluesky|threads)\b)/i;
/** A bio opens with the writer's name (in its own capitals) and names the trade, in any case. */
const BIO_START = new RegExp(String.raw`^${LATIN_NAME}\s+(?:is|was|has been|covers|writes|reports)\b`, 'u');
const BIO_ROLE =
  /\b(reporter|writer|editor|correspondent|journalist|columnist|contributor|freelancer?|author of|covers|producer|writes\b.{0,120}\bfor)\b/i;

export function isContactLine(text: string): boolean {
  return text.length <= 160 && CONTACT.test(text);
}

export function isAuthorBio(text: string): boolean {
  return text.length <= 400 && BIO_START.test(text) && BIO_ROLE.test(text);
}

/** News agencies and picture libraries that close a photo credit. */
const PICTURE_AGENCY =
  /\b(getty images|ap photo|associated press|reuters|afp|shutterstock|istock(photo)?|epa(-efe)?|alamy|bloomberg|pa (images|wire|media)|aap|dpa|corbis|sipa( usa)?|rex( features)?|imago|nurphoto|wireimage|filmmagic|zuma( press| wire)?|unsplash|pexels|wikimedia commons|handout|pool)\)?\.?$/i;
/** What a credit names: the picture, a featured one too (`Featured Image by …`). */
const PICTURE = String.raw`(?:featured |top |lead |main |header )?(?:photo|photos|photograph|photography|image|images|picture|pictures|illustration|graphic|video|screenshot|screenshots|screengrab)`;
const CREDIT_LABEL = new RegExp(
  String.raw`^[([]?\s*(?:(?:${PICTURE}|foto|fotos|bild)(?:\s+(?:credit|courtesy|by|courtesy of|via|source))?\s*(?::|\.{2,}|…)|${PICTURE}\s+(?:by|via|courtesy(?: of)?)\s|${PICTURE}\s+(?:source|credit),\s|(?:photo |image )?(?:credits?|courtesy)\s*(?::|\.{2,}|…)|courtesy of\s)\s*\S`,
  'i',
);
/**
 * `Scott Heins/Gothamist`, `(Mike Cason/mcason@al.com)`, `JIM WATSON/AFP/Getty Images`: a name and
 * its outlet joined by slashes without spaces (`Firm Chop / Crud` is a table's label, not a credit).
 */
const SLASH_CREDIT = new RegExp(
  String.raw`^\(?${LATIN_NAME}(?:\/[\p{L}\d@.&'-][\p{L}\d@.&' -]{1,39}){1,3}\)?$`,
  'u',
);

/** A photo's credit as a line of its own (`Photo: Brett Davis, USA TODAY Sports`, `© Getty Images`). */
export function isCreditLine(text: string): boolean {
  if (text.length > 100) return false;
  // a caption's sentence with a credit at its end is caption text, not a credit line
  if (/[a-z]{2}[.!?]\s+\p{Lu}/u.test(text)) return false;
  // © Getty Images, Copyright 2024 by …; not a sentence about copyright law
  if (/^[([]?\s*(©|\(c\)|copyright\s*(©|\(c\)|\d{4}|by\b))/i.test(text)) return true;
  if (CREDIT_LABEL.test(text)) return true;
  if (SLASH_CREDIT.test(text)) return true;
  return PICTURE_AGENCY.test(text) && /^[^.!?]*$/.test(text.replace(/\b\p{Lu}\./gu, ''));
}

/** Newsletter and sign-up prompts: the offer, the form's labels, its consent and thank-you lines. */
const NEWSLETTER = [
  /\b(sign(ing)? up|subscribe|register|get|receive)\b.{0,80}\b(newsletters?|in your inbox|to your inbox|email alerts?|e-mail alerts?)\b/i,
  // a named brief or digest, signed up for (`Sign up to the Quartz Africa Weekly Brief`); officials
  // who get a briefing are news
  /\b(sign(ing)? up|subscribe)\b.{0,20}\b(to|for) (our|the)\b.{0,60}\b(briefs?|briefing|digest)\b/i,
  /^keep up with\b.{0,80}\bnewsletter\b/i,
  // (`Get the latest news delivered daily!`)
  /^get (the )?(latest|top|best|breaking)\b.{0,60}\bdelivered\b/i,
  /\bnewsletters?\b.{0,60}\b(sign(ing)? up|subscribe|inbox)\b/i,
  /^(enter|type) (your|an?) (valid )?e-?mail( address)?/i,
  /^(please enter a valid e-?mail( address)?|e-?mail address|your e-?mail( address)?)[.!:]?$/i,
  /^thanks? (you )?for (signing up|subscribing|registering)/i,
  /^by (signing up|subscribing|registering|clicking|submitting)\b.{0,120}\b(agree|terms|privacy)/i,
  /^(you('re| are) (now )?(subscribed|signed up|all set))\b/i,
];

export function isNewsletterPrompt(text: string): boolean {
  return text.length <= 220 && NEWSLETTER.some((re) => re.test(text));
}

/** An affiliate disclosure: the site earns a commission on what the reader buys through its links. */
const AFFILIATE =
  /\b(affiliate (links?|commission|partnerships?|program)|(earn|receive|get|make)s? (a |an )?(small |affiliate )?commission|commission (from|on) (purchases|sales|qualifying)|(buy|purchase) (something|a product|products) through (our|these|the) links)\b/i;

export function isAffiliateDisclosure(text: string): boolean {
  return text.length <= 320 && AFFILIATE.test(text);
}

/** A share bar or comment prompt written out: `Share this article Facebook Twitter Email`, `Comments`. */
const SHARE_WORD = String.raw`share( this( article| story| post)?| on)?|tweet|email|e-mail|print|copy( the)? link|link copied|save|comments?|\d+ comments?|facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|flipboard|telegram|messenger|threads|bluesky|mastodon|sms`;
const SHARE_BAR = new RegExp(
  String.raw`^(?:(?:${SHARE_WORD})\s*[|/·•,:]?\s*){2,}$|^(?:leave|post|add|write) a comment$|^(?:view|show|hide|read) (?:all )?(?:\d+ )?comments?$|^comments? (?:are|is) closed\.?$|^join the (?:conversation|discussion)$|^comments?(?: \(\d+\))?$|^be the first to comment[.!]?$|^share or comment on this (?:article|story)\s*:?$`,
  'i',
);

export function isShareBar(text: string): boolean {
  if (text.length > 120 || !SHARE_BAR.test(text.trim())) return false;
  // a run of one word (`xxx`) is no bar of buttons
  return (
    new Set(
      text
        .toLowerCase()
        .split(/[\s|/·•,:]+/)
        .filter(Boolean),
    ).size > 1 ||
    !/^\w+(\s+\w+)*$/.test(text) ||
    /comment|conversation|discussion/i.test(text)
  );
}

/**
 * Subscription walls and account prompts: the story's remainder is behind them, and their words are
 * never the story's (`Subscribe to continue reading`, `Already a subscriber? Sign in`).
 */
const PAYWALL =
  /^(already (a subscriber|have an account)\s*[?.!]|subscribe (now|today|to (continue|keep) reading)|(sign|log) in to (continue|keep reading|read)|to continue reading|continue reading (with|for)|this (article|story|content) is (only )?(available|reserved|exclusive) (to|for) (subscribers|members)|create (a )?free account|register (now )?for free|you('ve| have) (reached|read) (your|\d+ of( your)? \d+) (free|monthly)|unlock (this|unlimited|full) (article|access|stories))/i;

/** Player and reading-time chrome: `Listen to this article`, `5 min read`, `00:38 / 01:22`. */
const PLAYER =
  /^(listen to (this|the) (article|story)|listen\s*[·•]?\s*\d+\s*min|\d+\s*min(ute)?s?\s*read|reading time\s*:?\s*\d+\s*min(ute)?s?|(play|watch) (audio|video|now)|\d{1,2}:\d{2}\s*\/\s*\d{1,2}:\d{2}|\d{1,2}\s*(min|mins|minutes)( listen)?|now playing|up next)$/i;

/** Ad and sponsor labels in their other wordings (`AD`, `Sponsored content`, `Paid Post`). */
const AD_LABEL =
  /^(ad|ads|advert|sponsored|sponsored (content|post|links?)|paid (content|post|partner content)|promoted( content)?|partner content|ad feedback)$/i;

/** The story's taxonomy and rights lines: `Tags: …`, `Filed under: …`, `All rights reserved.` */
const TAXONOMY =
  /^(tags?|topics?|filed under|categories|category|keywords?|more on|related topics|(read )?more about)\s*:/i;
const RIGHTS =
  /\ball rights reserved\b|\bmay not be (published|reproduced|copied|redistributed)\b|^this (article|story|post) (was|has been) (originally )?published (by|on|at)\b|^this (article|story|post) (originally|first) appeared (on|in)\b/i;

/** A call to click elsewhere: `Click here to subscribe`, `Click here for more photos`. */
const CLICK_HERE = /^(click|tap) here\b/i;

/**
 * The page's buttons and plugs as text: comment calls (`Scroll down to comment below`), toggles
 * (`Show more`), policy links, a channel plug (`Subscribe on YouTube!`), the follow-us line, the
 * comment section's house rules (`We invite you to use our commenting platform…`).
 */
const PAGE_CALL =
  /^(what do you think\??\s*)?(scroll down to comment( below)?|(leave|share|post) your (comments?|thoughts)( below| in the comments)?|let us know (what you think )?in the comments( below)?)[.!]?$|^what[’']s your reaction\??$|^(show|read|see|view|load) (more|less)( (photos|pictures|images|videos))?\s*:?$|^(privacy policy|terms of (use|service)|cookie (policy|settings))$|\bsubscribe (on|to (our|my)) (youtube|channel)\b|^follow us( on social( media)?)?[.!]?$|^(please )?support (our|local|independent|quality|this) (journalism|reporting)\b|^(do you )?(have|got) a (news )?(tip|story idea)\?|^(sign|log) in to (comment|reply|join the conversation)[.!]?$|^please enable javascript to view the comments\b|^this (article|story|content) is (more than|over) \w+ (years?|months?) old$|^our standards\s*:|^(reprints?|reprints and permissions|filed under:?)$|^reuse this content$|^we invite you to use our commenting platform\b|^(please )?(read|review|see) our (commenting|comment) (policy|guidelines)\b/i;

export function isPromptLine(text: string): boolean {
  if (text.length > 200) return false;
  return (
    PAYWALL.test(text) ||
    PLAYER.test(text) ||
    AD_LABEL.test(text) ||
    RIGHTS.test(text) ||
    PAGE_CALL.test(text) ||
    (CLICK_HERE.test(text) && text.length <= 120)
  );
}

/** Whether a line of a Western page's body is furniture, given where it stands in the body. */
export function isWesternFurniture(text: string, place: LinePlace): boolean {
  const stamp = timestampLine(text);
  if (stamp === 'labelled' || (stamp === 'bare' && place !== 'middle')) return true;
  if (place === 'tail' && (isAuthorBio(text) || (TAXONOMY.test(text) && text.length <= 200))) return true;
  return (
    isWesternBylineLine(text) ||
    isCreditLine(text) ||
    isContactLine(text) ||
    isNewsletterPrompt(text) ||
    isAffiliateDisclosure(text) ||
    isShareBar(text) ||
    isPromptLine(text)
  );
}

/**
 * Lines repeated back to back: a gallery's slide title written once per slide (three or more short
 * lines outside figures: all go) and a caption printed twice in its figure (the copy goes). Captions
 * of separate figures, table cells and list items may repeat as content and stay.
 */
export function repeatedLines<T extends { text: string; el: Element }>(lines: readonly T[]): Set<T> {
  const repeated = new Set<T>();
  for (let i = 0; i < lines.length;) {
    let j = i + 1;
    while (j < lines.length && lines[j]!.text === lines[i]!.text) j++;
    const run = lines.slice(i, j);
    i = j;
    if (run.length < 2 || run[0]!.text.length < 10) continue;
    if (run.length >= 3 && run[0]!.text.length <= 100 && !run.some((l) => l.el.closest('figure, td, th, li')))
      for (const line of run) repeated.add(line);
    else {
      const figure = run[0]!.el.closest('figure');
      if (figure)
        for (const line of run.slice(1)) if (line.el.closest('figure') === figure) repeated.add(line);
    }
  }
  return repeated;
}

/**
 * Furniture marked up as such inside the body, by class or id, with the most text each may hold:
 * screen-reader labels (`Image caption`, `Credit`, `(opens in a new tab)`), photo credits, bylines
 * and their dates, the author's bio, timestamps, newsletter boxes. A limit keeps a container that
 * merely carries such a class (a whole story in `.byline-wrapper`) out of reach.
 */
const MARKED_FURNITURE: ReadonlyArray<readonly [RegExp, number]> = [
  [
    /^(sr-only|sr-text|screen-?reader(-text|-only)?|visually-?hidden|visuallyhidden|off-?screen|element-invisible|hidden-visually|a11y-hidden)$/,
    60,
  ],
  [/^(credits?|photo-?credits?|image-?credits?|caption-?credits?|media-?credits?)$/, 100],
  [/^(byline|byline-\w+|byline__\w+|timestamp|pubdate)$/, 150],
  [/^(bio|author-?bio|byline-bio|contributor-?bio)$/, 300],
  [/^(newsletter|newsletter-\w+|newsletter__\w+|signup|sign-up)$/, 400],
];

function markedLimit(el: Element): number {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase().split(/\s+/);
  let limit = 0;
  for (const name of names) {
    if (!name) continue;
    for (const [re, max] of MARKED_FURNITURE) if (re.test(name)) limit = Math.max(limit, max);
  }
  return limit;
}

/**
 * Elements under `root` marked as furniture (see MARKED_FURNITURE), each short enough to be only
 * that; with `upTo`, only the kinds that may hold at most that much (100: credits and screen-reader
 * labels).
 */
export function markedFurniture(
  root: Element,
  total = (root.textContent ?? '').length,
  upTo = Infinity,
): Element[] {
  const found: Element[] = [];
  for (const el of root.querySelectorAll('[class], [id]')) {
    const limit = markedLimit(el);
    if (!limit || limit > upTo) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    // a credit is a name, not a caption's sentence
    if (text.length > limit || text.length * 5 > total) continue;
    if (limit === 100 && /[a-z]{2}[.!?]\s+\p{Lu}/u.test(text)) continue;
    if (!found.some((outer) => outer.contains(el))) found.push(el);
  }
  return found;
}

/**
 * Whether these rules read the body: a body in Han, kana or hangul script is not a Western story
 * even where the page's language came out otherwise (a Chinese post quoting an English credit keeps
 * it). Counted over the first 5,000 characters.
 */
export function westernScript(text: string): boolean {
  return cjkRatio(text, { limit: 5_000, kanaAndHangul: true }) <= 0.3;
}

/** A pager's arrows and words, also chrome on a line of their own. */
const PAGER_ARROW = String.raw`[<>‹›«»]{1,2}|prev(?:ious)?|next`;

/**
 * Western news pages' inline chrome that Readability keeps: ad markers, "continue reading" breaks,
 * newsletter prompts, share/follow and gift calls, caption labels and toggles, a player's fallback and
 * loading text, each a line of its own.
 */
const WESTERN_CHROME = new RegExp(
  String.raw`^(advertisement|advertisement\s*[-–—:]\s*(scroll|continue) (down |reading )?(to continue|below)?|(advertisement\s*[-–—:]?\s*)?(the )?(story|article|text) continues( (below|after (this |the )?(ad|advertisement))( this)?( advertisement)?)?|(skip|close) (advertisement|ad)|continue reading (the main story|below)|scroll to continue( reading)?|video ad feedback|(hide|show|toggle|expand|close) caption\s*[+–-]?|back to (slide|slideshow|gallery)|enlarge (this )?(image|photo)|(view|open) (the )?(photo )?gallery|(previous|next) (slide|image|photo)|${PAGER_ARROW}|\d{1,3}\s+(of|\/)\s+\d{1,3}|sign up (for|to) (our|the|my) [\w\s'’-]{0,40}newsletters?[.!]?|share (this|on) (article|story|facebook|twitter|x|linkedin|email)[.!]?|follow (us|me) on (facebook|twitter|x|instagram|linkedin)[.!]?|copy link( to (this )?(article|story))?|(image|media|video) caption,?|click (here )?to (enlarge|expand)|loading\s*(\.{1,3}|…)?|your browser does not support (the )?(html5 )?(video|audio)( tag| element| playback)?\.?|open image modal|jump to|supported by|gift (this|the) (article|story)|read the full (story|article)|image|photo|video|audio|share|tweet|email|e-mail|print|save)$`,
  'i',
);
/** A line that only points at another story: "Related: …", "READ MORE: …", mostly a link. */
const POINTER_LINE =
  /^(related|read more|more|see also|also read|read also|recommended|watch|listen)\s*[:：]/i;

/** A story's view counter: `Visto 314 veces`, `Viewed 1,204 times`, `2.3k views`, `1.204 Aufrufe`. */
const VIEW_COUNT =
  /^((visto|viewed|read|gelesen|lu|vu|visualizado)\s+[\d.,]+k?\s+(veces|times|mal|fois)|[\d.,]+k?\s+(views|reads|visualizaciones|visitas|aufrufe|vues|visualizzazioni|visualizações))$/i;

/** Whether a line of a Western page is its chrome rather than article text. */
export function isWesternChrome(text: string, linkChars: number): boolean {
  if (text.length > 160) return false;
  const trimmed = text.trim();
  return (
    WESTERN_CHROME.test(trimmed) ||
    VIEW_COUNT.test(trimmed) ||
    // a typo-report widget's prompt (Orphus and its kin), in whatever language: `Select the text and
    // press Ctrl+Enter`
    /\bctrl\s*\+\s*enter\b/i.test(trimmed) ||
    (POINTER_LINE.test(text) && linkChars >= text.length / 2)
  );
}

const PAGER_ITEM = new RegExp(String.raw`^(\d{1,3}|${PAGER_ARROW})$`, 'i');

/**
 * A photo gallery's pager on a Western page: a run of three or more lines of slide numbers and
 * arrows. Table cells are data, never a pager.
 */
export function pagerLines(lines: readonly Line[]): Set<Line> {
  const pager = new Set<Line>();
  const item = (line: Line) => PAGER_ITEM.test(line.text) && !line.el.closest('td, th');
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j < lines.length && item(lines[j]!)) j++;
    if (j - i >= 3) for (let k = i; k < j; k++) pager.add(lines[k]!);
    i = Math.max(j, i + 1);
  }
  return pager;
}

/**
 * The trail of section links a story opens with (`Magazine › Gender Revolution`, `Économie ·
 * Europe`): the first lines of the body, one to four items of one list, each a short link to
 * another page (a separator beside it). A table of contents links within the page and stays.
 */
export function openingLinkLines(lines: readonly Line[]): Set<Line> {
  const list = lines[0]?.el.closest('ul, ol');
  if (!list) return new Set();
  const items = list.querySelectorAll('li').length;
  // the whole list, a line per item, and a story after it
  if (items > 4 || items >= lines.length || lines[items]!.el.closest('ul, ol') === list) return new Set();
  const trail = lines.slice(0, items);
  for (const line of trail) {
    const href =
      line.el.querySelector('a[href]')?.getAttribute('href') ?? line.el.closest('a')?.getAttribute('href');
    if (
      line.el.closest('ul, ol') !== list ||
      line.text.length > 40 ||
      line.text.length - line.linkChars > 2 ||
      !href ||
      href.startsWith('#')
    )
      return new Set();
  }
  return new Set(trail);
}

/** A line naming an account on a social network: `Twitter: @prachatai`, `เฟซบุ๊ก https://fb.me/prachatai`. */
const SOCIAL_ACCOUNT =
  /\b(?:facebook\.com|fb\.me|twitter\.com|x\.com|instagram\.com|t\.me|youtube\.com|line\.me|tiktok\.com|linkedin\.com|weibo\.com)\/\w|\b(?:facebook|twitter|instagram|line|youtube|tiktok|telegram|threads)\b.{0,20}@[\w.]{2,}/i;

/**
 * What closes a story on many sites, in any language: links to other stories under a short heading
 * (เรื่องที่เกี่ยวข้อง, Lees ook, Related) and the outlet's follow-us lines, each an account on a
 * social network. Only the run after the story's last line of text, and only of two such lines or
 * more: a single link under a story is the story's own.
 */
export function closingLinkLines(lines: readonly Line[]): Set<Line> {
  const isLink = (line: Line) =>
    (line.text.length >= 2 && line.linkChars >= 0.8 * line.text.length) ||
    (line.text.length <= 80 && SOCIAL_ACCOUNT.test(line.text));
  const closing = new Set<Line>();
  let links = 0;
  let i = lines.length - 1;
  for (; i >= 0; i--) {
    const line = lines[i]!;
    if (isLink(line)) {
      closing.add(line);
      links++;
      continue;
    }
    // the heading of a block: a short line right above one of its links
    const next = lines[i + 1];
    if (next && isLink(next) && line.text.length <= 60 && !/[.!?。！？]$/.test(line.text)) {
      closing.add(line);
      continue;
    }
    break;
  }
  // a body made only of links, or ending in a long list of them (a deals post, a reading list), is
  // the list the reader came for, not a story's foot
  return links >= 2 && closing.size <= 10 && i >= 0 ? closing : new Set();
}
