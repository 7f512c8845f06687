import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { ArchiveIoApp } from '@/components/ArchiveIoApp';
import '@/components/theme.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ArchiveIoApp autoExport={new URLSearchParams(location.search).get('export') === 'all'} />
  </StrictMode>,
);
