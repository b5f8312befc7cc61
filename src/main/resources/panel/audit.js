// The audit trail for supervisors: entries with filters, a page at a time, and the chain check.
import { api } from './api.js';
import { initialLanguage, loadLanguage, otherLanguage, t, formatTime } from './i18n.js';
import { installKeyboard, retranslate as retranslateKeyboard } from './keyboard.js';
import { messageText } from './messages.js';

const PAGE = 100;
let before = 0;
let brokenId = null;

function byId(id) {
  return document.getElementById(id);
}

// a day from the touch date picker (YYYY-MM-DD): from its start, or (to) up to the start of the next day
function isoOf(value, nextDay = false) {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value || '');
  if (!m) return value ? new Date(value).toISOString() : null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (nextDay ? 1 : 0)).toISOString();
}

function query() {
  const form = byId('audit-filter');
  const params = new URLSearchParams();
  const from = isoOf(form.elements.from.value);
  const to = isoOf(form.elements.to.value, true);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  ['actor', 'action', 'text'].forEach((name) => {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value);
  });
  params.set('limit', String(PAGE));
  if (before > 0) params.set('before', String(before));
  return params;
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function row(entry) {
  const tr = document.createElement('tr');
  tr.dataset.id = String(entry.id);
  if (entry.id === brokenId) tr.classList.add('audit-broken');
  tr.append(cell(String(entry.id)), cell(formatTime(entry.at)), cell(entry.actor), cell(entry.action),
    cell(entry.detail), cell(entry.hash.substring(0, 16), 'audit-hash'));
  return tr;
}

async function load(append) {
  if (!append) before = 0;
  byId('audit-problem').textContent = '';
  const r = await api('GET', `/audit/entries?${query()}`);
  if (!r.ok) {
    byId('audit-problem').textContent = r.data && r.data.messageKey ? messageText(r.data) : t('audit.failed');
    return;
  }
  const rows = byId('audit-rows');
  if (!append) rows.replaceChildren();
  r.data.entries.forEach((entry) => rows.append(row(entry)));
  if (!append && r.data.entries.length === 0) {
    const tr = document.createElement('tr');
    const td = cell(t('audit.none'));
    td.colSpan = 6;
    tr.append(td);
    rows.append(tr);
  }
  before = r.data.beforeId;
  byId('audit-more').hidden = before === 0;
}

async function verify() {
  const box = byId('audit-verdict');
  box.hidden = false;
  box.className = 'audit-verdict';
  box.textContent = t('audit.verifying');
  const from = isoOf(byId('audit-filter').elements.from.value);
  const r = await api('GET', from ? `/audit/verify?from=${encodeURIComponent(from)}` : '/audit/verify');
  if (!r.ok) {
    box.textContent = r.data && r.data.messageKey ? messageText(r.data) : t('audit.failed');
    return;
  }
  const v = r.data;
  if (v.intact) {
    brokenId = null;
    box.classList.add('intact');
    box.textContent = t('audit.intact', { entries: v.entriesChecked, anchors: v.anchorsChecked, head: v.headEntry });
  } else {
    brokenId = v.firstBrokenEntry;
    box.classList.add('broken');
    box.textContent = t('audit.broken', { id: v.firstBrokenEntry, reason: v.reason });
  }
  await load(false);
}

async function start() {
  installKeyboard();
  await loadLanguage(initialLanguage());
  retranslateKeyboard();
  document.querySelectorAll('.lang-switch').forEach((b) => b.addEventListener('click',
    () => loadLanguage(otherLanguage()).then(retranslateKeyboard)));
  const me = await api('GET', '/me');
  if (!me.ok) {
    byId('audit-signin').hidden = false;
  } else {
    byId('audit-main').hidden = false;
    byId('audit-filter').addEventListener('submit', (e) => {
      e.preventDefault();
      load(false);
    });
    byId('audit-verify').addEventListener('click', verify);
    byId('audit-more').addEventListener('click', () => load(true));
    await load(false);
  }
  document.body.dataset.ready = 'true';
}

start();
