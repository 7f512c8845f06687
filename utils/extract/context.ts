/**
 * What every field step reads: the page (its lines, language, embedded metadata), the rules that apply
 * (site rule, CMS-family rule), and where title, byline zone and body sit. Built once per extraction;
 * the steps in fields/ add to it in order (body → title → byline fields → cleaned body → the rest).
 */
import type { BodyResult } from './body';
import type { DateContext } from './dates';
import { textWithoutWidgets } from './furniture';
import type { Line } from './lines';
import type { EmbeddedMetadata } from './metadata';
import type { CmsRule, FieldSpec, HookValues, RuleField, SiteRule } from './rules';
import { collapseSpace } from './text';

/** Where a field's value came from, most trusted first. */
export type Origin = 'site-rule' | 'cms-rule' | 'metadata' | 'page';

export interface Candidate<T> {
  value: T;
  origin: Origin;
}

export type PageLanguage = 'zh' | 'ja' | 'ko' | 'other';

export interface ExtractContext {
  doc: Document;
  url: string;
  site: SiteRule | null;
  cms: CmsRule | null;
  /** the hook values of the site rule and the CMS rule, run once */
  hooks: { site: HookValues; cms: HookValues };
  meta: EmbeddedMetadata;
  /** the page's visible lines (with spaces at inline boundaries, for reading bylines) */
  lines: Line[];
  language: PageLanguage;
  dates: DateContext;
  /** the body found (in a clone or an inert document), cleaned in place later */
  body: BodyResult;
  /** the body's lines before cleaning */
  bodyLines: Line[];
  /** index of the title's last line among `lines` (-1 when the title is not on the page) */
  titleLine: number;
  /** index of the body's first line among `lines` (-1 when not found) */
  bodyStart: number;
  /** the lines between the title and the body: where bylines and the publish date sit */
  head: Line[];
  /** the lines right after the cleaned body (编辑：…, 本文来源：…), filled after cleaning */
  tail: Line[];
  /** the cleaned body's lines (its text), filled after cleaning */
  textLines: Line[];
  /** loose keys of the title block (title, kicker, subtitle), filled once the title is found */
  titleKeys: Set<string>;
  /** loose keys of lines already read as title, kicker, subtitle or byline: not body text */
  knownKeys: Set<string>;
  /** which origin each field's value came from, for `jianbao extract --explain` */
  origins: Partial<Record<string, Origin>>;
}

/** The rule stages in order of trust, with the origin each one reports. */
export function ruleStages(ctx: Pick<ExtractContext, 'site' | 'cms' | 'hooks'>) {
  return [
    { rule: ctx.site, hook: ctx.hooks.site, origin: 'site-rule' as const },
    { rule: ctx.cms, hook: ctx.hooks.cms, origin: 'cms-rule' as const },
  ];
}

/** Reads a rule's field spec: every usable text, in selector order (attributes as given). */
export function readSpec(doc: Document, spec: FieldSpec | undefined, limit = 1): string[] {
  if (!spec) return [];
  const sources = 'from' in spec ? spec.from : spec;
  const drop = 'from' in spec ? (spec.drop ?? []) : [];
  const transform = 'from' in spec ? spec.transform : undefined;
  const out: string[] = [];
  for (const source of sources) {
    const [selector, attribute] = typeof source === 'string' ? [source, null] : source;
    let elements: Element[];
    try {
      elements = [...doc.querySelectorAll(selector)];
    } catch {
      continue; // an invalid selector in a rule is skipped, not fatal
    }
    for (const el of elements) {
      const raw = attribute ? collapseSpace(el.getAttribute(attribute) ?? '') : textWithoutWidgets(el, drop);
      const value = raw && transform ? (transform(raw) ?? '') : raw;
      if (value) out.push(value);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/** The rule candidates of one field: the site rule's, then the CMS rule's (data, then hook). */
export function ruleCandidates(ctx: ExtractContext, field: RuleField, limit = 1): Candidate<string>[] {
  const out: Candidate<string>[] = [];
  for (const stage of ruleStages(ctx)) {
    if (!stage.rule) continue;
    const hooked = stage.hook[field];
    const hookValues = hooked == null ? [] : typeof hooked === 'string' ? [hooked] : hooked;
    for (const value of [...hookValues, ...readSpec(ctx.doc, stage.rule[field], limit)])
      if (value.trim()) out.push({ value: collapseSpace(value), origin: stage.origin });
  }
  return out;
}

/** Runs a rule's hook defensively: a hook that throws gives nothing rather than failing the clip. */
export function runHook(rule: SiteRule | CmsRule | null, doc: Document, url: string): HookValues {
  if (!rule?.hook) return {};
  try {
    return rule.hook(doc, new URL(url)) ?? {};
  } catch {
    return {};
  }
}

/** The first candidate that `accept` turns into a value; records its origin. */
export function pick<T, R>(
  ctx: ExtractContext,
  field: string,
  candidates: Iterable<Candidate<T>>,
  accept: (value: T) => R | null | undefined,
): R | null {
  for (const candidate of candidates) {
    const value = accept(candidate.value);
    if (value !== null && value !== undefined && !(Array.isArray(value) && !value.length)) {
      ctx.origins[field] = candidate.origin;
      return value;
    }
  }
  return null;
}
