// The packing page: a hand scanner (USB keyboard wedge) types each unit's code into the focused scan
// field and ends it with Enter; the code goes to the station, which packs it or says which rule refused it.
import { api } from './api.js';
import { loadLanguage as loadPanelLanguage } from './i18n.js';
import { installKeyboard, retranslate as retranslateKeyboard } from './keyboard.js';

const LANGS = ['zh-CN', 'en'];
const state = { lang: localStorage.getItem('tracemark.lang') || 'zh-CN', bundle: {}, box: null, pallet: null, me: null, shipment: null };
const $ = (id) => document.getElementById(id);

function t(key, params = {}) {
  const text = state.bundle[key] || key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

async function loadLanguage(lang) {
  await loadPanelLanguage(lang); // the on-screen keyboard's texts
  retranslateKeyboard();
  const response = await fetch(`i18n/packing.${lang}.json`, { cache: 'no-cache' });
  state.bundle = await response.json();
  state.lang = lang;
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
  document.querySelectorAll('[data-tp]').forEach((el) => { el.placeholder = t(el.dataset.tp); });
}

function say(text, refused = false) {
  $('pk-message').textContent = text;
  $('pk-message').classList.toggle('refused', refused);
}

function log(text, refused) {
  const li = document.createElement('li');
  li.textContent = text;
  if (refused) li.className = 'refused';
  $('pk-log').prepend(li);
}

function count(parent) {
  return t('pk.count', { n: parent.children, cap: parent.capacity, state: t(`pk.state.${parent.state}`) });
}

function show() {
  $('pk-case-sscc').textContent = state.box ? state.box.sscc : '—';
  $('pk-case-count').textContent = state.box ? count(state.box) : '';
  $('pk-pallet-sscc').textContent = state.pallet ? state.pallet.sscc : '—';
  $('pk-pallet-count').textContent = state.pallet ? count(state.pallet) : '';
}

async function call(method, path, body) {
  const r = await api(method, path, body);
  if (!r.ok) {
    const message = (r.data && r.data.error) || `HTTP ${r.status}`;
    say(message, true);
    return null;
  }
  return r.data;
}

async function openCase() {
  const capacity = Number($('pk-capacity').value) || undefined;
  const box = await call('POST', '/packing/cases', capacity ? { capacity } : {});
  if (box) {
    state.box = box;
    say(t('pk.opened', { sscc: box.sscc }));
    show();
  }
  $('pk-scan').focus();
}

async function scanned(code) {
  if (!state.box) {
    say(t('pk.noCase'), true);
    return;
  }
  const r = await api('POST', `/packing/cases/${state.box.sscc}/units`, { code });
  if (r.ok) {
    state.box = r.data;
    const text = t('pk.packed', { code, n: r.data.children, cap: r.data.capacity });
    log(text, false);
    say(text);
  } else {
    const text = (r.data && r.data.error) || `HTTP ${r.status}`;
    log(text, true);
    say(text, true);
  }
  show();
}

async function closeParent(kind) {
  const parent = kind === 'case' ? state.box : state.pallet;
  if (!parent) {
    say(t(kind === 'case' ? 'pk.noCase' : 'pk.noPallet'), true);
    return;
  }
  const reason = $('pk-reason').value.trim();
  const path = kind === 'case' ? `/packing/cases/${parent.sscc}/close` : `/packing/pallets/${parent.sscc}/close`;
  const closed = await call('POST', path, reason ? { reason } : {});
  if (closed) {
    if (kind === 'case') state.box = closed; else state.pallet = closed;
    say(t('pk.closed', { sscc: closed.sscc }));
    show();
  }
}

async function openPallet() {
  const pallet = await call('POST', '/packing/pallets', {});
  if (pallet) {
    state.pallet = pallet;
    say(t('pk.opened', { sscc: pallet.sscc }));
    show();
  }
}

async function putCase() {
  if (!state.pallet || !state.box) {
    say(t(state.pallet ? 'pk.noCase' : 'pk.noPallet'), true);
    return;
  }
  const pallet = await call('POST', `/packing/pallets/${state.pallet.sscc}/cases`, { sscc: state.box.sscc });
  if (pallet) {
    say(t('pk.onPallet', { sscc: state.box.sscc }));
    state.pallet = pallet;
    state.box = null;
    show();
  }
}

function refusal(r) {
  // a rule's refusal carries a key (pack.<RULE>) and params; the page's bundle words the common ones
  const fallback = (r.data && r.data.error) || `HTTP ${r.status}`;
  if (!r.data || !r.data.key || !state.bundle[`pk.${r.data.key}`]) return fallback;
  const text = t(`pk.${r.data.key}`, r.data.params || {});
  return /\{\w+\}/.test(text) ? fallback : text;
}

function showShipment() {
  const s = state.shipment;
  $('pk-ship-order').textContent = s ? s.orderNumber : '—';
  $('pk-ship-count').textContent = s ? t('pk.shipCount', { items: s.items, units: s.units, state: t(`pk.shipState.${s.state}`) }) : '';
  $('pk-ship-buyer').textContent = s ? `${s.buyer.name} · ${s.buyer.address} · ${s.buyer.contact}` : '';
}

async function createShipment() {
  const body = {
    orderNumber: $('pk-order').value.trim(),
    buyer: { name: $('pk-buyer-name').value.trim(), address: $('pk-buyer-address').value.trim(), contact: $('pk-buyer-contact').value.trim() },
  };
  const r = await api('POST', '/shipments', body);
  if (!r.ok) {
    say(refusal(r), true);
    return;
  }
  state.shipment = r.data;
  $('pk-buyer-contact').value = '';
  say(t('pk.shipOpened', { order: r.data.orderNumber }));
  $('pk-ship-items').textContent = '';
  showShipment();
  $('pk-ship-scan').focus();
}

async function shipScanned(code) {
  if (!state.shipment) {
    say(t('pk.noShipment'), true);
    return;
  }
  const r = await api('POST', `/shipments/${encodeURIComponent(state.shipment.orderNumber)}/items`, { code });
  const li = document.createElement('li');
  if (r.ok) {
    state.shipment = r.data;
    li.textContent = t('pk.shipAdded', { code, units: r.data.units });
    say(li.textContent);
  } else {
    li.textContent = refusal(r);
    li.className = 'refused';
    say(li.textContent, true);
  }
  $('pk-ship-items').prepend(li);
  showShipment();
}

function confirm(text) {
  return new Promise((resolve) => {
    const dialog = $('confirm-dialog');
    $('confirm-text').textContent = text;
    const done = (answer) => { dialog.close(); resolve(answer); };
    $('confirm-yes').onclick = () => done(true);
    $('confirm-no').onclick = () => done(false);
    dialog.showModal();
  });
}

async function closeShipment() {
  if (!state.shipment) {
    say(t('pk.noShipment'), true);
    return;
  }
  const s = state.shipment;
  if (!(await confirm(t('pk.shipConfirm', { order: s.orderNumber, units: s.units, buyer: s.buyer.name })))) return;
  const r = await api('POST', `/shipments/${encodeURIComponent(s.orderNumber)}/close`);
  if (!r.ok) {
    say(refusal(r), true);
    return;
  }
  state.shipment = r.data;
  say(t('pk.shipClosed', { order: r.data.orderNumber, units: r.data.units }));
  showShipment();
}

async function refreshInline() {
  const overview = await call('GET', '/packing');
  if (!overview) return;
  if (!$('pk-capacity').value) $('pk-capacity').value = overview.caseSize;
  $('pk-inline').textContent = overview.inline ? t('pk.inlineCounts', overview.inline) : t('pk.noInline');
  $('pk-inline-close').hidden = !overview.inline;
}

async function closeInline() {
  const reason = $('pk-reason').value.trim();
  const counts = await call('POST', '/packing/station/close-partial', { reason });
  if (counts) {
    say(t('pk.inlineCounts', counts));
    refreshInline();
  }
}

async function start() {
  installKeyboard();
  await loadLanguage(LANGS.includes(state.lang) ? state.lang : LANGS[0]);
  const me = await api('GET', '/me');
  if (!me.ok) {
    $('pk-signin').hidden = false;
    document.body.dataset.ready = 'true';
    return;
  }
  state.me = me.data;
  $('pk-who').textContent = me.data.name;
  $('pk-main').hidden = false;
  $('pk-open-case').addEventListener('click', openCase);
  $('pk-close-case').addEventListener('click', () => closeParent('case'));
  $('pk-open-pallet').addEventListener('click', openPallet);
  $('pk-put-case').addEventListener('click', putCase);
  $('pk-close-pallet').addEventListener('click', () => closeParent('pallet'));
  $('pk-inline-close').addEventListener('click', closeInline);
  $('pk-ship-create').addEventListener('click', createShipment);
  $('pk-ship-close').addEventListener('click', closeShipment);
  $('pk-ship-scan').addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const code = e.target.value.trim();
    e.target.value = '';
    if (code) shipScanned(code);
  });
  $('pk-lang').addEventListener('click', () => loadLanguage(state.lang === LANGS[0] ? LANGS[1] : LANGS[0]));
  // a keyboard wedge types the code, then Enter (CR): one scan per Enter
  $('pk-scan').addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const code = e.target.value.trim();
    e.target.value = '';
    if (code) scanned(code);
  });
  await refreshInline();
  const open = await api('GET', '/shipments');
  $('pk-shipping').hidden = !open.ok;
  if (open.ok && open.data.length) state.shipment = open.data[0];
  showShipment();
  show();
  $('pk-scan').focus();
  document.body.dataset.ready = 'true';
}

start();
