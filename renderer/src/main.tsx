import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LiveProvider } from './api/live';
import { App } from './app';
import { DataProvider } from './data';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <LiveProvider>
        <DataProvider>
          <App />
        </DataProvider>
      </LiveProvider>
    </StrictMode>,
  );
}
