import 'antd/dist/antd.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, firstPage } from './App.tsx';
import './i18n/index.ts';
import './index.css';
import './components/list-table.css';

// Not a top-level await: that splits the entry into many more files for the browser to fetch.
void firstPage.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
