import type { ClipOutcome } from '../protocol/messages';
import { failureMessage, t } from '../ui/i18n';

/** What the toolbar badge shows after a clip made without the popup. */
export function badgeFor(outcome: ClipOutcome): { text: string; color: string; title: string } {
  switch (outcome.status) {
    case 'saved':
      return { text: '✓', color: '#1a7f37', title: `${t('saved')}: ${outcome.clip.title}` };
    case 'updated':
    case 'exists':
      return { text: '↻', color: '#0969da', title: `${t('updated')}: ${outcome.clip.title}` };
    case 'failed':
      return { text: '!', color: '#cf222e', title: failureMessage(outcome.error) };
  }
}
