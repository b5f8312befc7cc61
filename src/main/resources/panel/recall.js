// The recall page (supervisors and admins): from a code, a case or pallet SSCC, a batch, or a product and its
// production days to every unit, case, pallet and buyer, with counts; then, with a reason, the recall notice
// that tells the platform. Inputs get the on-screen keyboard; a hand scanner types a code into the code field.
import { api } from './api.js';
import { initialLanguage, loadLanguage as loadMainBundle, otherLanguage } from './i18n.js';
import { installKeyboard, retranslate } from './keyboard.js';
import { problemText, messageText } from './messages.js';

const FIELDS = ['code', 'batch', 'product', 'from', 'to'];
const state = { bundle: {}, query: null, result: null };
const $ = (id) => document.getElementById(id);

function t(key, params = {}) {
  const text = state.bundle[key] || key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

async function loadLanguage(lang) {
  await loadMainBundle(lang);
  const response = await fetch(`i18n/recall.${lang}.json`, { cache: 'no-cache' });
  state.bundle = await response.json();
  document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
  retranslate();
  if (state.result) show(state.result);
}

function say(text, refused = false) {
  $('rc-message').textContent = text;
  $('rc-message').classList.toggle('refused', refused);
}

function refusal(data) {
  if (data && Array.isArray(data.problems) && data.problems.length) {
    return data.problems.map(problemText).join(' · ');
  }
  return messageText(data);
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text ?? '—';
  if (className) td.className = className;
  return td;
}

function rows(id, items, cells) {
  const body = $(id);
  body.replaceChildren();
  items.forEach((item) => {
    const tr = document.createElement('tr');
    tr.append(...cells(item));
    body.append(tr);
  });
}

function show(r) {
  $('rc-result').hidden = false;
  $('rc-n-units').textContent = r.units;
  $('rc-n-shipped').textContent = r.shipped;
  $('rc-n-factory').textContent = r.inFactory;
  $('rc-n-loose').textContent = r.loose;
  $('rc-n-cases').textContent = r.cases.length;
  $('rc-n-pallets').textContent = r.pallets.length;
  $('rc-n-buyers').textContent = r.buyers.length;
  rows('rc-buyers', r.buyers, (b) => [cell(b.name), cell(b.address),
    cell(r.contactShown ? b.contact : t('rc.hidden')), cell(b.orders.join(', ')), cell(String(b.units))]);
  rows('rc-pallets', r.pallets, (p) => [cell(p.sscc, 'code'), cell(String(p.units))]);
  rows('rc-cases', r.cases, (c) => [cell(c.sscc, 'code'), cell(c.pallet, 'code'), cell(String(c.units))]);
  rows('rc-units', r.unitList, (u) => [cell(u.code, 'code'), cell(t(`rc.state.${u.state}`)), cell(u.grade),
    cell(u.time ? new Date(u.time).toLocaleString(document.documentElement.lang, { hour12: false }) : null),
    cell(u.job), cell(u.batch), cell(u.case, 'code'), cell(u.pallet, 'code'),
    cell(u.shipment ? u.shipment.orderNumber : t('rc.inFactoryMark'), u.shipment ? '' : 'rc-factory'),
    cell(u.shipment ? u.shipment.buyer.name : null)]);
  $('rc-listed').textContent = t('rc.listed', { listed: r.unitsListed, units: r.units });
}

function query() {
  const params = new URLSearchParams();
  FIELDS.forEach((name) => {
    const value = $(`rc-${name}`).value.trim();
    if (value) params.set(name, value);
  });
  return params;
}

async function search(e) {
  if (e) e.preventDefault();
  const params = query();
  const r = await api('GET', `/recall?${params}`);
  if (!r.ok) {
    say(refusal(r.data), true);
    $('rc-result').hidden = true;
    state.result = null;
    return;
  }
  state.query = params;
  state.result = r.data;
  show(r.data);
  say(t('rc.found', { units: r.data.units, buyers: r.data.buyers.length }));
}

function confirm(text, consequence) {
  return new Promise((resolve) => {
    const dialog = $('confirm-dialog');
    $('confirm-text').textContent = text;
    $('confirm-consequence').textContent = consequence;
    const done = (yes) => {
      dialog.close();
      $('confirm-yes').onclick = null;
      $('confirm-no').onclick = null;
      resolve(yes);
    };
    $('confirm-yes').onclick = () => done(true);
    $('confirm-no').onclick = () => done(false);
    dialog.showModal();
  });
}

async function notifyRecall() {
  if (!state.query || !state.result) {
    say(t('rc.searchFirst'), true);
    return;
  }
  const reason = $('rc-reason').value.trim();
  const yes = await confirm(t('rc.confirm', { units: state.result.units }), t('rc.consequence'));
  if (!yes) return;
  const body = Object.fromEntries(state.query.entries());
  if (reason) body.reason = reason;
  const r = await api('POST', '/recall/notify', body);
  if (!r.ok) {
    say(refusal(r.data), true);
    return;
  }
  say(t('rc.notified', { id: r.data.id, events: r.data.events }));
}

async function start() {
  installKeyboard();
  await loadLanguage(initialLanguage());
  $('rc-lang').addEventListener('click', () => loadLanguage(otherLanguage()));
  const me = await api('GET', '/me');
  if (!me.ok) {
    $('rc-signin').hidden = false;
  } else if (me.data.role === 'operator') {
    $('rc-who').textContent = me.data.name;
    $('rc-forbidden').hidden = false;
  } else {
    $('rc-who').textContent = me.data.name;
    $('rc-main').hidden = false;
    $('rc-form').addEventListener('submit', search);
    $('rc-notify').addEventListener('click', notifyRecall);
    // a hand scanner (keyboard wedge) ends the code with Enter: that searches
    $('rc-code').focus();
  }
  document.body.dataset.ready = 'true';
}

start();
