import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LiveProvider } from './api/live';
import { App } from './app';
import { DataProvider } from './data';
import { LanguageRoot } from './i18n/language-root';
import { setUpLanguage } from './i18n/setup';
import './styles.css';

const root = document.getElementById('root');
setUpLanguage();
if (root) {
  createRoot(root).render(
    <StrictMode>
      <LanguageRoot>
        <LiveProvider>
          <DataProvider>
            <App />
          </DataProvider>
        </LiveProvider>
      </LanguageRoot>
    </StrictMode>,
  );
}
