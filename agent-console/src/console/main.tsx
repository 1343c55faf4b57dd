import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/i18n.ts';
import '../shared/base.css';
import '../shared/screens.css';
import '../shared/work.css';
import { ConsoleApp } from './shell/ConsoleApp.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConsoleApp />
  </StrictMode>,
);
