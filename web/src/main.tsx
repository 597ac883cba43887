// Entry point: set the page language before the first paint, then mount the app.
import { render } from 'preact';
import { App } from './app';
import { applyLang, initialLang } from './i18n';
import './styles.css';

const lang = initialLang();
applyLang(lang);

const root = document.getElementById('app');
if (root) render(<App initialLang={lang} />, root);
