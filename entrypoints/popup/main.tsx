performance.mark('jianbao:script');
import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { PopupApp } from '@/components/PopupApp';
import { afterPaint } from '@/utils/ui/after-paint';
import { firstPageSettled, takeEarlySettings } from '@/utils/ui/first-page';
import { preparePage } from '@/utils/ui/start-page';
import '@/components/theme.css';
import { keepSyncLive } from '@/utils/ui/sync-live';

// the first render waits a little for the list asked for by the head script, so as to draw it at once
const FIRST_LIST_WAIT_MS = 100;

void Promise.all([preparePage(takeEarlySettings()), firstPageSettled(FIRST_LIST_WAIT_MS)]).then(
  ([settings]) => {
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <PopupApp settings={settings} />
      </StrictMode>,
    );
    // the live-sync port wakes the worker's sync: after the first frame, not alongside it
    afterPaint(keepSyncLive, 500);
  },
);
