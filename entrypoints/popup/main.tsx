import { render } from 'preact';
import { App } from './app';
import '@/components/theme.css';
import './popup.css';

render(<App />, document.getElementById('app')!);
