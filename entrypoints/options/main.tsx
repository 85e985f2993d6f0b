import { render } from 'preact';
import { loadFirstPage } from './use-first-page';
import '@/components/theme.css';
import './options.css';

// the history's first rows are read from IndexedDB while the page's code (Dexie, zod, the components) loads
const first = loadFirstPage();
void import('./app').then(({ App }) => render(<App first={first} />, document.getElementById('app')!));
