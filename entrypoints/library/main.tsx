import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { LibraryApp } from '@/components/LibraryApp';
import { parseListContext } from '@/utils/ui/list-context';
import { preparePage } from '@/utils/ui/start-page';
import '@/components/theme.css';
import '@/components/library.css';
import { keepSyncLive } from '@/utils/ui/sync-live';

keepSyncLive();

void preparePage().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LibraryApp initial={parseListContext(location.search)} />
    </StrictMode>,
  ),
);
