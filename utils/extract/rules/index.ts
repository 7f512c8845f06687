/**
 * The registries of rules. A site rule lives in rules/sites/<name>/, a CMS-family rule in
 * rules/cms/<name>/, each with rule.ts, fixture.html and expected files beside it;
 * tests/unit/site-rules.test.ts fails a folder that is missing any of them or is not listed here.
 */
import { rule as discuz } from './cms/discuz/rule';
import { rule as dedecms } from './cms/dedecms/rule';
import { rule as empirecms } from './cms/empirecms/rule';
import { rule as hanweb } from './cms/hanweb/rule';
import { rule as mediawiki } from './cms/mediawiki/rule';
import { rule as phpcms } from './cms/phpcms/rule';
import { rule as powereasy } from './cms/powereasy/rule';
import { rule as trs } from './cms/trs/rule';
import { rule as vsb } from './cms/vsb/rule';
import { rule as wordpress } from './cms/wordpress/rule';
import { rule as netease } from './sites/163/rule';
import { rule as cnjiwang } from './sites/cnjiwang/rule';
import { rule as sina } from './sites/sina/rule';
import { rule as wechat } from './sites/wechat/rule';
import { PageFingerprint } from './cms/fingerprint';
import type { CmsRule, SiteRule } from './types';

export type { CmsFingerprint } from './cms/fingerprint';
export type { CmsRule, FieldSpec, HookValues, RuleField, RuleFields, SiteRule } from './types';

export const SITE_RULES: readonly SiteRule[] = [cnjiwang, wechat, sina, netease];

/**
 * Tried in order: the first whose fingerprint matches the page applies. Forum and blog engines first
 * (their fingerprints are unambiguous), TRS last: its editor class turns up inside other systems' pages.
 */
export const CMS_RULES: readonly CmsRule[] = [
  discuz,
  wordpress,
  mediawiki,
  vsb,
  hanweb,
  dedecms,
  phpcms,
  empirecms,
  powereasy,
  trs,
];

/** The site rule for `url`, matched by hostname (and subdomains) and, when the rule says so, path. */
export function ruleFor(url: string, rules: readonly SiteRule[] = SITE_RULES): SiteRule | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase();
  for (const rule of rules) {
    const hostMatches = rule.hosts.some((h) => host === h || host.endsWith(`.${h}`));
    if (!hostMatches) continue;
    if (rule.paths && !rule.paths.some((re) => re.test(parsed.pathname + parsed.search))) continue;
    return rule;
  }
  return null;
}

/** The CMS family whose fingerprint the page carries, if any. A fingerprint that throws counts as no match. */
export function cmsRuleFor(
  doc: Document,
  url: string,
  rules: readonly CmsRule[] = CMS_RULES,
): CmsRule | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const page = new PageFingerprint(
    doc,
    rules.flatMap((rule) => rule.fingerprint.element ?? []),
  );
  for (const rule of rules) {
    try {
      if (page.matches(rule.fingerprint, parsed)) return rule;
    } catch {
      // a fingerprint is a guess; a broken one must not break extraction
    }
  }
  return null;
}
