/**
 * The registries of rules. A site rule lives in rules/sites/<name>/, a CMS-family rule in
 * rules/cms/<name>/, each with rule.ts, fixture.html and expected files beside it;
 * tests/unit/site-rules.test.ts fails a folder that is missing any of them or is not listed here.
 */
import { rule as cnjiwang } from './sites/cnjiwang/rule';
import type { CmsRule, SiteRule } from './types';

export type { CmsRule, FieldSpec, HookValues, RuleField, RuleFields, SiteRule } from './types';

export const SITE_RULES: readonly SiteRule[] = [cnjiwang];

/** Tried in order: the first whose fingerprint matches the page applies. */
export const CMS_RULES: readonly CmsRule[] = [];

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

/** The CMS family whose fingerprint the page carries, if any. A throwing detector counts as no match. */
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
  for (const rule of rules) {
    try {
      if (rule.detect(doc, parsed)) return rule;
    } catch {
      // a fingerprint is a guess; a broken one must not break extraction
    }
  }
  return null;
}
