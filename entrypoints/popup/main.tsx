performance.mark('jianbao:script');
import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { PopupApp } from '@/components/PopupApp';
import { preparePage } from '@/utils/ui/start-page';
import '@/components/theme.css';
import { keepSyncLive } from '@/utils/ui/sync-live';

keepSyncLive();

void preparePage().then((settings) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PopupApp settings={settings} />
    </StrictMode>,
  ),
);
