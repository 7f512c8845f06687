performance.mark('jianbao:script');
import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { PopupApp } from '@/components/PopupApp';
import '@/components/theme.css';
import { keepSyncLive } from '@/utils/ui/sync-live';

keepSyncLive();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PopupApp />
  </StrictMode>,
);
