/**
 * Finding the body: the user's selection, the rule's selector, or Readability on a clone with
 * thresholds that suit CJK text (a Chinese paragraph says far more per character than English).
 */
import { Readability } from '@mozilla/readability';
import { cjkRatio } from './text';

export interface BodyResult {
  /** a detached element (in the clone or an inert document): safe to clean in place */
  el: Element;
  /** Readability's title guess, when Readability ran */
  readabilityTitle: string | null;
  readabilityByline: string | null;
  via: 'selection' | 'rule' | 'readability';
}

/** Readability's default charThreshold (500) suits English; CJK carries ~3× the meaning per char. */
export function charThresholdFor(sampleText: string): number {
  return cjkRatio(sampleText) > 0.3 ? 140 : 500;
}

export function bodyFromSelection(doc: Document, selection: DocumentFragment): BodyResult {
  const inert = doc.implementation.createHTMLDocument('');
  const el = inert.createElement('div');
  el.append(inert.importNode(selection, true));
  return { el, readabilityTitle: null, readabilityByline: null, via: 'selection' };
}

function textLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, '').length;
}

/** The first rule selector that finds an element with text, in `clone`. */
export function bodyFromRule(clone: Document, selectors: readonly string[]): BodyResult | null {
  for (const selector of selectors) {
    let found: Element | null = null;
    try {
      found = [...clone.querySelectorAll(selector)].find((el) => textLength(el) > 0) ?? null;
    } catch {
      continue;
    }
    if (found) return { el: found, readabilityTitle: null, readabilityByline: null, via: 'rule' };
  }
  return null;
}

export function bodyFromReadability(clone: Document, sampleText: string): BodyResult | null {
  const reader = new Readability<Node>(clone, {
    charThreshold: charThresholdFor(sampleText),
    keepClasses: true,
    disableJSONLD: true,
    serializer: (node) => node,
  });
  const parsed = reader.parse();
  const el = parsed?.content as Element | null | undefined;
  if (!parsed || !el || !textLength(el)) return null;
  return {
    el,
    readabilityTitle: parsed.title?.trim() || null,
    readabilityByline: parsed.byline?.trim() || null,
    via: 'readability',
  };
}
