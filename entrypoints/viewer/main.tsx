import { render } from 'preact';
import { App } from './app';
import '@/components/theme.css';
import './viewer.css';

render(<App report={document.getElementById('report')!} />, document.getElementById('app')!);
