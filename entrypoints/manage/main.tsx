import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { ArchiveIoApp } from '@/components/ArchiveIoApp';
import { KeepImagesSwitch } from '@/components/KeepImagesSwitch';
import { ReExtractAll } from '@/components/ReExtractAll';
import { ZipArchiveIo } from '@/components/ZipArchiveIo';
import { requestedExport } from '@/utils/archive-io/archive-page';
import '@/components/theme.css';
import { SyncSettings } from '@/components/SyncSettings';
import { keepSyncLive } from '@/utils/ui/sync-live';

keepSyncLive();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ArchiveIoApp autoExport={requestedExport(location.search)} />
    {/* until the settings page (options.html#sync) lands: its mount point takes <SyncSettings /> */}
    <section id="sync">
      <SyncSettings />
    </section>
    {/* until the settings page lands (issue 13): its marked place takes this switch */}
    <ZipArchiveIo />
    <KeepImagesSwitch />
    <ReExtractAll />
  </StrictMode>,
);
