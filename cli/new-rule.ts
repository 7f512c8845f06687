/**
 * `jianbao new-rule <name> --from <page.html> --url <url> [--cms]`: scaffolds a rule folder
 * (rules/sites/<name>/, or rules/cms/<name>/) from one saved page: rule.ts with candidate selectors
 * found in the page (a starting point a human then edits), fixture.html, the expected files from
 * extracting the fixture with the new rule, and the rule's registration in rules/index.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExtractOptions } from '../utils/extract';
import type { CmsRule, SiteRule } from '../utils/extract/rules';
import { InputError, parsePage, readHtmlFile } from './dom';
import { extractPage, formatForRepo, RULE_TREES, RULES_ROOT, writeExpected } from './rule-files';

export interface NewRuleOptions {
  name: string;
  /** the saved page */
  from: string;
  /** the page's address: its hostname becomes the rule's host */
  url: string;
  /** a CMS-family rule (rules/cms/, matched by fingerprint) instead of a site rule */
  cms?: boolean;
  /** the rules folder holding sites/, cms/ and index.ts (default: this repository's) */
  rulesRoot?: string;
  /** the scaffold date written into the files (default: now) */
  now?: Date;
}

export interface NewRuleResult {
  dir: string;
  files: string[];
  registry: string;
  warnings: string[];
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const MAX_CANDIDATES = 3;

/** `sina-finance` → `sinaFinance`: the rule's identifier in rules/index.ts. */
const identifierFor = (name: string) => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

const SIMPLE_NAME = /^[A-Za-z_][\w-]*$/;

/** A selector for `el`: its id, else tag and a class that pick it out (or at least describe it). */
function selectorFor(el: Element): string {
  const doc = el.ownerDocument;
  const tag = el.localName;
  if (el.id && SIMPLE_NAME.test(el.id) && doc.querySelectorAll(`#${el.id}`).length === 1) return `#${el.id}`;
  const classes = [...el.classList].filter((c) => SIMPLE_NAME.test(c));
  for (const c of classes) if (doc.querySelectorAll(`${tag}.${c}`).length === 1) return `${tag}.${c}`;
  if (classes.length) return `${tag}.${classes.join('.')}`;
  const parent = el.parentElement;
  if (parent && parent.localName !== 'body' && (parent.id || parent.classList.length))
    return `${selectorFor(parent)} > ${tag}`;
  return tag;
}

const named = (el: Element) => `${el.id} ${el.getAttribute('class') ?? ''}`;

/** Elements whose id/class matches `names` or whose own short text matches `label`, innermost first. */
function labelled(doc: Document, names: RegExp, label: RegExp | null, textTest?: RegExp): Element[] {
  const found: Element[] = [];
  for (const el of doc.body?.querySelectorAll('*') ?? []) {
    if (/^(script|style|noscript|template|head|html|body)$/.test(el.localName)) continue;
    const text = collapse(el.textContent);
    if (!text || text.length > 200) continue;
    if (textTest && !textTest.test(text)) continue;
    const byName = names.test(named(el));
    const byLabel =
      label !== null && label.test(text) && ![...el.children].some((c) => label.test(c.textContent ?? ''));
    if (byName || byLabel) found.push(el);
  }
  return found;
}

function candidates(elements: Element[]): string[] {
  return [...new Set(elements.map(selectorFor))].slice(0, MAX_CANDIDATES);
}

/** The element with the most paragraph text directly inside: where the article body usually sits. */
function bodyContainer(doc: Document): Element | null {
  let best: Element | null = null;
  let bestChars = 0;
  for (const el of doc.body?.querySelectorAll('div, article, section, td, main') ?? []) {
    let chars = 0;
    for (const child of el.children) if (child.localName === 'p') chars += collapse(child.textContent).length;
    if (chars > bestChars) [best, bestChars] = [el, chars];
  }
  return bestChars >= 100 ? best : null;
}

const DATE = /(19|20)\d{2}\s*[-/.年]\s*\d{1,2}/;

/** Candidate selectors for each field, found in the page by tag, class/id names and labels. */
export function findCandidates(doc: Document): Record<string, string[]> {
  const docTitle = collapse(doc.title).replace(/\s/g, '');
  const titles = [
    ...(doc.body?.querySelectorAll('h1, h2, [class*="title" i], [id*="title" i]') ?? []),
  ].filter((el) => {
    const text = collapse(el.textContent).replace(/\s/g, '');
    return text.length >= 4 && text.length <= 200 && (el.localName === 'h1' || docTitle.includes(text));
  });
  const body = bodyContainer(doc);
  const furniture = body
    ? [...body.querySelectorAll('*')].filter((el) =>
        /share|fenxiang|zihao|font-?size|print|dayin|related|xiangguan|recommend|tuijian|comment|pinglun/i.test(
          named(el),
        ),
      )
    : [];
  return {
    title: candidates(titles),
    published: candidates(
      labelled(
        doc,
        /time|date|pub|fbsj|riqi|shijian/i,
        /(发布|發布|發佈|更新)?(时间|時間|日期)\s*[:：]/,
        DATE,
      ),
    ),
    source: candidates(labelled(doc, /source|laiyuan|origin|(^|\s)ly(\s|$)/i, /(来源|來源|出处)\s*[:：]/)),
    authors: candidates(
      labelled(doc, /author|byline|writer|zuozhe|reporter|jizhe/i, /(作者|记者|記者|撰文)\s*[:：／/]/),
    ),
    editors: candidates(labelled(doc, /editor|bianji|zebian/i, /(编辑|編輯|责编|責編)\s*[:：]/)),
    section: candidates(
      labelled(
        doc,
        /breadcrumb|crumb|position|location|dqwz|weizhi|daohang|mbx/i,
        /(当前|您的|所在)位置/,
      ).filter((el) => el.querySelectorAll('a').length >= 2),
    ),
    body: body ? [selectorFor(body)] : [],
    remove: candidates(furniture),
  };
}

/** A fingerprint for a CMS rule: the generator meta when the page has one, else the body container. */
function fingerprintSource(doc: Document, fields: Record<string, string[]>): string {
  const generator = collapse(doc.querySelector('meta[name="generator" i]')?.getAttribute('content')).split(
    /[\s\d.]/,
  )[0];
  if (generator) return `{ generator: /${generator.replace(/[\\/^$.*+?()[\]{}|-]/g, '\\$&')}/i }`;
  return `{ element: ${JSON.stringify(fields.body?.[0] ?? 'body')} }`;
}

function ruleSource(options: NewRuleOptions, host: string, doc: Document, date: string): string {
  const fields = findCandidates(doc);
  const type = options.cms ? 'CmsRule' : 'SiteRule';
  const lines = [
    `import type { ${type} } from '../../types';`,
    '',
    '/**',
    // (a `*/` in the address would end the comment)
    ` * ${options.name}: scaffolded by \`jianbao new-rule\` on ${date} from ${options.url.replaceAll('*/', '*%2F')}.`,
    " * The selectors are candidates found in that one page: check each against the site's pages, delete",
    ' * the wrong ones and the empty fields (a field left out falls back to the generic steps), and say',
    ' * here what the template looks like.',
    ' */',
    `export const rule: ${type} = {`,
    `  name: ${JSON.stringify(options.name)},`,
    options.cms
      ? `  // TODO: the CMS's fingerprint (generator meta, script or stylesheet paths, class names)\n  fingerprint: ${fingerprintSource(doc, fields)},`
      : `  hosts: ${JSON.stringify([host])},`,
  ];
  for (const [field, selectors] of Object.entries(fields))
    lines.push(`  ${field}: ${JSON.stringify(selectors)},${selectors.length ? '' : ' // none found'}`);
  lines.push('};', '');
  return lines.join('\n');
}

/** rules/index.ts with the rule imported (beside its tree's imports) and appended to its list. */
function registered(source: string, tree: (typeof RULE_TREES)[number], name: string): string {
  const ident = identifierFor(name);
  if (new RegExp(`\\b${ident}\\b`).test(source))
    throw new InputError(`rules/index.ts already uses the name ${ident}: choose another rule name`);
  const list = new RegExp(`(export const ${tree.registryList}\\b[^=]*=\\s*\\[)([^\\]]*)\\]`);
  const m = list.exec(source);
  if (!m) throw new InputError(`rules/index.ts has no ${tree.registryList} list to register the rule in`);
  const items = m[2]!.trim().replace(/,$/, '');
  let out = source.replace(list, `$1${items ? `${items}, ` : ''}${ident}]`);
  const importLine = `import { rule as ${ident} } from './${tree.dir}/${name}/rule';`;
  const imports = [...out.matchAll(/^import .*? from '\.\/(sites|cms)\/([\w-]+)\/rule';$/gm)];
  // alphabetical among its tree's imports; after the last rule import otherwise
  const next = imports.find((i) => i[1] === tree.dir && i[2]! > name);
  const anchor = next ?? imports.filter((i) => i[1] === tree.dir).at(-1) ?? imports.at(-1);
  if (!anchor) out = `${importLine}\n${out}`;
  else if (anchor === next) out = out.slice(0, anchor.index) + `${importLine}\n` + out.slice(anchor.index);
  else {
    const end = anchor.index! + anchor[0].length;
    out = out.slice(0, end) + `\n${importLine}` + out.slice(end);
  }
  return out;
}

export async function newRule(options: NewRuleOptions): Promise<NewRuleResult> {
  const { name } = options;
  if (!NAME.test(name) || name.length > 40)
    throw new InputError(
      `invalid rule name ${JSON.stringify(name)}: lower-case letters, digits and single hyphens`,
    );
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new InputError(`--url ${options.url} is not a URL`);
  }
  if (!/^https?:$/.test(url.protocol))
    throw new InputError(`--url must be an http(s) URL, not ${options.url}`);
  const root = options.rulesRoot ?? RULES_ROOT;
  const tree = RULE_TREES.find((t) => t.dir === (options.cms ? 'cms' : 'sites'))!;
  for (const other of RULE_TREES)
    if (fs.existsSync(path.join(root, other.dir, name)))
      throw new InputError(`${path.join(root, other.dir, name)} already exists`);
  const registryFile = path.join(root, 'index.ts');
  const registry = await formatForRepo(
    registryFile,
    registered(fs.readFileSync(registryFile, 'utf8'), tree, name),
  );

  const { html } = readHtmlFile(options.from);
  const date = (options.now ?? new Date()).toISOString().slice(0, 10);
  const { dom } = parsePage(html, url.href);
  let rule: string;
  try {
    rule = ruleSource(options, url.hostname, dom.window.document, date);
  } finally {
    dom.window.close();
  }
  // no `--` inside the comment (`-->` would end it)
  const origin = `${path.basename(options.from)} (${url.href})`.replace(/--/g, '-%2D');
  const fixture =
    `<!-- fixture of rule ${name}: copied by jianbao new-rule on ${date} from ${origin}. A real third-party` +
    ` page: cut it down to what the rule reads, or rewrite it, before committing. -->\n${html}`;

  const dir = path.join(root, tree.dir, name);
  fs.mkdirSync(dir, { recursive: true });
  const ruleFile = path.join(dir, 'rule.ts');
  try {
    fs.writeFileSync(ruleFile, await formatForRepo(ruleFile, rule));
    fs.writeFileSync(path.join(dir, 'fixture.html'), fixture);
    const { rule: loaded } = (await import(pathToFileURL(ruleFile).href)) as { rule: SiteRule & CmsRule };
    // a CMS rule goes in as the only candidate of its stage, with no site rule to pre-empt it
    const extractOptions: ExtractOptions = options.cms
      ? { rules: [], cmsRules: [loaded] }
      : { rules: [loaded] };
    const { article } = extractPage(fixture, url.href, extractOptions);
    await writeExpected(dir, { expectedFile: 'expected.json', bodyFile: 'expected.body.md' }, article);
  } catch (error) {
    // nothing half-made is left behind
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  fs.writeFileSync(registryFile, registry);
  return {
    dir,
    files: ['rule.ts', 'fixture.html', 'expected.json', 'expected.body.md'].map((f) => path.join(dir, f)),
    registry: registryFile,
    warnings: [
      `${path.join(dir, 'fixture.html')} is a copy of a real page: cut it down to what the rule reads, or rewrite it, before committing (third-party content stays out of the repository)`,
    ],
  };
}
