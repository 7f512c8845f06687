import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { ReaderApp } from '@/components/ReaderApp';
import { preparePage } from '@/utils/ui/start-page';
import '@/components/theme.css';
import '@/components/reader.css';

void preparePage().then((settings) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ReaderApp
        id={new URLSearchParams(location.search).get('id') ?? ''}
        search={location.search}
        initialLook={settings.reader}
      />
    </StrictMode>,
  ),
);
