// The combined-code (zu he duo ma) component scan page: a hand scanner (USB keyboard wedge) types the product unit's code, then each
// component's code (frame, battery, charger), each ended by Enter. The first scan of a page, or any scan after
// the unit is complete (or after "next unit"), is the product unit; the others are its components, each linked by
// the station to the first free role it fits, or refused with the rule's key and params.
import { api } from './api.js';

const LANGS = ['zh-CN', 'en'];
const state = { lang: localStorage.getItem('tracemark.lang') || 'zh-CN', bundle: {}, unit: null };
const $ = (id) => document.getElementById(id);

function t(key, params = {}) {
  const text = state.bundle[key] || key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

async function loadLanguage(lang) {
  const response = await fetch(`i18n/components.${lang}.json`, { cache: 'no-cache' });
  state.bundle = await response.json();
  state.lang = lang;
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
  show();
}

function refusal(r) {
  const fallback = (r.data && r.data.error) || `HTTP ${r.status}`;
  if (!r.data || !r.data.key || !state.bundle[`cs.${r.data.key}`]) return fallback;
  const text = t(`cs.${r.data.key}`, r.data.params || {});
  return /\{\w+\}/.test(text) ? fallback : text;
}

function say(text, refused = false) {
  $('cs-message').textContent = text;
  $('cs-message').classList.toggle('refused', refused);
  const li = document.createElement('li');
  li.textContent = text;
  if (refused) li.className = 'refused';
  $('cs-log').prepend(li);
}

function show() {
  const u = state.unit;
  $('cs-unit').textContent = u ? u.code : '—';
  $('cs-count').textContent = u ? t(u.complete ? 'cs.complete' : 'cs.count', { n: u.linked, of: u.roles }) : '';
  const rows = $('cs-roles');
  rows.textContent = '';
  (u ? u.components : []).forEach((c) => {
    const tr = document.createElement('tr');
    tr.dataset.role = c.role;
    [c.name, c.code || t('cs.empty')].forEach((text) => {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    });
    rows.append(tr);
  });
}

async function scanned(code) {
  if (!state.unit || state.unit.complete) {
    const r = await api('GET', `/components/units/${encodeURIComponent(code)}`);
    if (!r.ok) {
      say(refusal(r), true);
      return;
    }
    state.unit = r.data;
    say(t('cs.unitScanned', { code: r.data.code, n: r.data.linked, of: r.data.roles }));
  } else {
    const r = await api('POST', `/components/units/${encodeURIComponent(state.unit.code)}/links`, { code });
    if (!r.ok) {
      say(refusal(r), true);
      return;
    }
    state.unit = r.data;
    say(t(r.data.complete ? 'cs.linkedComplete' : 'cs.linked', { code, n: r.data.linked, of: r.data.roles }));
  }
  show();
}

async function start() {
  await loadLanguage(LANGS.includes(state.lang) ? state.lang : LANGS[0]);
  const me = await api('GET', '/me');
  if (!me.ok) {
    $('cs-signin').hidden = false;
    document.body.dataset.ready = 'true';
    return;
  }
  $('cs-who').textContent = me.data.name;
  $('cs-main').hidden = false;
  $('cs-lang').addEventListener('click', () => loadLanguage(state.lang === LANGS[0] ? LANGS[1] : LANGS[0]));
  $('cs-next').addEventListener('click', () => { state.unit = null; show(); $('cs-scan').focus(); });
  // a keyboard wedge types the code, then Enter (CR): one scan per Enter
  $('cs-scan').addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const code = e.target.value.trim();
    e.target.value = '';
    if (code) scanned(code);
  });
  $('cs-scan').focus();
  document.body.dataset.ready = 'true';
}

start();
