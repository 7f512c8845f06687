import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { SettingsApp } from '@/components/SettingsApp';
import { preparePage } from '@/utils/ui/start-page';
import '@/components/theme.css';

void preparePage().then((settings) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SettingsApp initial={settings} />
    </StrictMode>,
  ),
);
