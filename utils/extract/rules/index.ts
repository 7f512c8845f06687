/**
 * The registry of site rules. Each rule lives in rules/sites/<name>/ with rule.ts, fixture.html and
 * expected.json; tests/unit/site-rules.test.ts fails a folder that is missing any of them or is not
 * listed here.
 */
import { rule as cnjiwang } from './sites/cnjiwang/rule';
import type { SiteRule } from './types';

export type { SiteRule } from './types';

export const SITE_RULES: readonly SiteRule[] = [cnjiwang];

/** The rule for `url`, matched by hostname (and subdomains) and, when the rule says so, path. */
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
