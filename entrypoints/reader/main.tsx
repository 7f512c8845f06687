import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { ReaderApp } from '@/components/ReaderApp';
import '@/components/theme.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ReaderApp id={new URLSearchParams(location.search).get('id') ?? ''} search={location.search} />
  </StrictMode>,
);
