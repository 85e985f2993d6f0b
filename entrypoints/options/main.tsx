import { render } from 'preact';
import { App } from './app';
import { loadFirstPage } from './use-first-page';
import '@/components/theme.css';
import './options.css';

// the history's first rows are read from IndexedDB while the page lays out its frame (header, toolbar,
// filters: the first layout and fonts), and Dexie and zod load after them (app.tsx)
const first = loadFirstPage();
render(<App first={first} />, document.getElementById('app')!);
performance.mark('nianbao:options-code');
