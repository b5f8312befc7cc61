// Message bundles: every text the panel shows comes from i18n/<lang>.json.
const STORAGE_KEY = 'tracemark.lang';
export const LANGUAGES = ['zh-CN', 'en'];

let bundle = {};
let current = LANGUAGES[0];

export function language() {
  return current;
}

export function initialLanguage() {
  const saved = window.localStorage.getItem(STORAGE_KEY);
  return LANGUAGES.includes(saved) ? saved : LANGUAGES[0];
}

export function otherLanguage() {
  return current === LANGUAGES[0] ? LANGUAGES[1] : LANGUAGES[0];
}

export async function loadLanguage(lang) {
  const response = await fetch(`i18n/${lang}.json`, { cache: 'no-cache' });
  bundle = await response.json();
  current = lang;
  window.localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  translate(document);
}

export function has(key) {
  return Object.prototype.hasOwnProperty.call(bundle, key);
}

/** The text for a key with {name} placeholders filled in; the key itself when the bundle lacks it. */
export function t(key, params = {}) {
  const text = has(key) ? bundle[key] : key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** The text for a key, or the fallback when the bundle has no such key. */
export function tOr(key, fallback, params = {}) {
  return has(key) ? t(key, params) : fallback;
}

export function translate(root) {
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  document.title = t('app.title');
}

export function formatNumber(value, digits = 0) {
  return new Intl.NumberFormat(current, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

export function formatTime(iso) {
  return new Date(iso).toLocaleString(current, { hour12: false });
}
