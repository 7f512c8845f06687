import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { ArchiveIoApp } from '@/components/ArchiveIoApp';
import { ReExtractAll } from '@/components/ReExtractAll';
import { ZipArchiveIo } from '@/components/ZipArchiveIo';
import { requestedExport } from '@/utils/archive-io/archive-page';
import { preparePage } from '@/utils/ui/start-page';
import '@/components/theme.css';
import { keepSyncLive } from '@/utils/ui/sync-live';

keepSyncLive();

void preparePage().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ArchiveIoApp autoExport={requestedExport(location.search)} />
      <ZipArchiveIo />
      <ReExtractAll />
    </StrictMode>,
  ),
);
