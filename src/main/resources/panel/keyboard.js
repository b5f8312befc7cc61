// On-screen keyboard, numeric pad and touch date picker for every input of the panel: opened when an input
// gets focus, keys never take the focus away, so a hand scanner (keyboard wedge) still types into the field.
import { t } from './i18n.js';

const LETTERS = ['1234567890', 'QWERTYUIOP', 'ASDFGHJKL-', 'ZXCVBNM._/'];
const DIGITS = ['123', '456', '789'];
const $ = (id) => document.getElementById(id);

let target = null;
let shifted = false;
let month = null; // first day of the month the date picker shows

function button(cls, text, action, attrs = {}) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = cls;
  b.textContent = text;
  b.tabIndex = -1;
  b.dataset.kbd = attrs.key ?? text;
  Object.entries(attrs).forEach(([k, v]) => { if (k !== 'key') b.setAttribute(k, v); });
  // pointerdown without default: the input keeps the focus (and the caret), a wedge scanner keeps typing there
  b.addEventListener('pointerdown', (e) => e.preventDefault());
  b.addEventListener('mousedown', (e) => e.preventDefault());
  b.addEventListener('click', action);
  return b;
}

function kind(input) {
  if (input instanceof HTMLSelectElement) return 'choice';
  if (input.dataset.picker === 'date') return 'date';
  return input.dataset.pad === 'numeric' || input.type === 'password' ? 'numeric' : 'text';
}

function insert(text) {
  if (!target) return;
  const max = target.maxLength > 0 ? target.maxLength : Infinity;
  const start = target.selectionStart ?? target.value.length;
  const end = target.selectionEnd ?? target.value.length;
  if (target.value.length - (end - start) + text.length > max) return;
  target.setRangeText(text, start, end, 'end');
  changed();
}

function backspace() {
  if (!target) return;
  const start = target.selectionStart ?? target.value.length;
  const end = target.selectionEnd ?? target.value.length;
  if (start === end && start > 0) target.setRangeText('', start - 1, end, 'end');
  else if (start !== end) target.setRangeText('', start, end, 'end');
  changed();
}

function clearField() {
  if (!target) return;
  target.value = '';
  changed();
}

function changed() {
  target.dispatchEvent(new Event('input', { bubbles: true }));
  showValue();
}

function showValue() {
  const sheet = $('kbd');
  if (target instanceof HTMLSelectElement) return;
  const secret = target && target.type === 'password';
  sheet.querySelector('.kbd-value').textContent = target ? (secret ? '\u2022'.repeat(target.value.length) : target.value) : '';
}

function label(input) {
  const holder = input.closest('label');
  const span = holder && holder.querySelector('span');
  return span ? span.textContent : '';
}

function done() {
  const input = target;
  close();
  if (input) {
    input.dispatchEvent(new Event('change', { bubbles: true }));
    input.blur();
  }
}

export function close() {
  const sheet = $('kbd');
  if (sheet) sheet.hidden = true;
  document.body.classList.remove('kbd-open');
  target = null;
}

function keysFor(mode) {
  const rows = [];
  if (mode === 'numeric') {
    DIGITS.forEach((r) => rows.push([...r].map((c) => button('kbd-key', c, () => insert(c)))));
    rows.push([
      button('kbd-key kbd-fn', t('kbd.clear'), clearField, { key: 'clear' }),
      button('kbd-key', '0', () => insert('0')),
      button('kbd-key kbd-fn', t('kbd.back'), backspace, { key: 'back' }),
    ]);
    return rows;
  }
  LETTERS.forEach((r) => rows.push([...r].map((c) => {
    const ch = shifted ? c.toLowerCase() : c;
    return button('kbd-key', ch, () => insert(ch), { key: c });
  })));
  rows.push([
    button('kbd-key kbd-fn', t(shifted ? 'kbd.upper' : 'kbd.lower'), () => { shifted = !shifted; render(); }, { key: 'shift' }),
    button('kbd-key kbd-fn', t('kbd.clear'), clearField, { key: 'clear' }),
    button('kbd-key kbd-space', t('kbd.space'), () => insert(' '), { key: 'space' }),
    button('kbd-key kbd-fn', t('kbd.back'), backspace, { key: 'back' }),
  ]);
  return rows;
}

function iso(date) {
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${m}-${d}`;
}

function parseIso(text) {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(text || '');
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

function pick(date) {
  target.value = iso(date);
  changed();
  done();
}

function dateRows() {
  const chosen = parseIso(target.value);
  const today = parseIso(target.dataset.today) || new Date();
  if (!month) {
    const base = chosen || today;
    month = new Date(base.getFullYear(), base.getMonth(), 1);
  }
  const head = [
    button('kbd-key kbd-fn', t('date.prevYear'), () => { month.setFullYear(month.getFullYear() - 1); render(); }, { key: 'prev-year' }),
    button('kbd-key kbd-fn', t('date.prevMonth'), () => { month.setMonth(month.getMonth() - 1); render(); }, { key: 'prev-month' }),
    Object.assign(document.createElement('span'), {
      className: 'kbd-month', textContent: t('date.month', { year: month.getFullYear(), month: month.getMonth() + 1 }),
    }),
    button('kbd-key kbd-fn', t('date.nextMonth'), () => { month.setMonth(month.getMonth() + 1); render(); }, { key: 'next-month' }),
    button('kbd-key kbd-fn', t('date.nextYear'), () => { month.setFullYear(month.getFullYear() + 1); render(); }, { key: 'next-year' }),
    button('kbd-key kbd-fn', t('date.today'), () => pick(today), { key: 'today' }),
    button('kbd-key kbd-fn', t('kbd.clear'), () => { clearField(); done(); }, { key: 'clear' }),
  ];
  const days = [];
  const first = (month.getDay() + 6) % 7; // Monday first
  for (let i = 0; i < first; i += 1) days.push(Object.assign(document.createElement('span'), { className: 'kbd-blank' }));
  const count = new Date(month.getFullYear(), month.getMonth() + 1, 0).getDate();
  for (let d = 1; d <= count; d += 1) {
    const date = new Date(month.getFullYear(), month.getMonth(), d);
    const cls = ['kbd-key', 'kbd-day'];
    if (chosen && iso(chosen) === iso(date)) cls.push('chosen');
    if (iso(today) === iso(date)) cls.push('today');
    days.push(button(cls.join(' '), String(d), () => pick(date), { key: iso(date) }));
  }
  return { head, days };
}

// A select's options as big buttons (the browser's own drop-down list is too small for gloves).
function choiceRows() {
  const grid = document.createElement('div');
  grid.className = 'kbd-choices';
  [...target.options].forEach((option) => {
    const b = button(`kbd-key kbd-choice${option.selected ? ' chosen' : ''}`, option.textContent, () => {
      target.value = option.value;
      target.dispatchEvent(new Event('change', { bubbles: true }));
      close();
    }, { key: option.value });
    b.disabled = option.disabled;
    grid.appendChild(b);
  });
  return grid;
}

function render() {
  const sheet = $('kbd');
  const mode = kind(target);
  sheet.dataset.mode = mode;
  const keys = sheet.querySelector('.kbd-keys');
  keys.replaceChildren();
  if (mode === 'choice') {
    keys.appendChild(choiceRows());
    return;
  }
  if (mode === 'date') {
    const { head, days } = dateRows();
    const top = document.createElement('div');
    top.className = 'kbd-row kbd-date-head';
    top.append(...head);
    const grid = document.createElement('div');
    grid.className = 'kbd-days';
    ['1', '2', '3', '4', '5', '6', '7'].forEach((d) => grid.appendChild(
      Object.assign(document.createElement('span'), { className: 'kbd-weekday', textContent: t(`date.weekday${d}`) })));
    grid.append(...days);
    keys.append(top, grid);
    return;
  }
  keysFor(mode).forEach((row) => {
    const div = document.createElement('div');
    div.className = 'kbd-row';
    div.append(...row);
    keys.appendChild(div);
  });
}

function open(input) {
  const sheet = $('kbd');
  // the panel's keyboard, not the system's: remember what the field wants, then keep the system's away
  if (input.inputMode === 'numeric') input.dataset.pad = 'numeric';
  if (input instanceof HTMLInputElement) input.inputMode = 'none';
  if (target !== input) month = null;
  target = input;
  // inside a modal dialog only the dialog's content can be touched: the keyboard goes along
  const host = input.closest('dialog[open]') || document.body;
  if (sheet.parentElement !== host) host.appendChild(sheet);
  sheet.querySelector('.kbd-label').textContent = label(input);
  sheet.querySelector('.kbd-value').hidden = input instanceof HTMLSelectElement;
  sheet.hidden = false;
  document.body.classList.add('kbd-open');
  render();
  showValue();
  requestAnimationFrame(() => keepAboveKeys(input, sheet));
}

// the field stays in sight above the keys: the view (or dialog) gets room below as tall as the sheet and
// scrolls just enough
function keepAboveKeys(input, sheet) {
  const keysTop = sheet.getBoundingClientRect().top;
  document.body.style.setProperty('--kbd-h', `${Math.ceil(sheet.offsetHeight)}px`);
  const box = input.closest('.view, dialog') || document.scrollingElement;
  const r = input.getBoundingClientRect();
  if (r.bottom > keysTop - 4) box.scrollTop += r.bottom - keysTop + 8;
  else if (r.top < 0) box.scrollTop += r.top - 8;
}

function build() {
  const sheet = document.createElement('div');
  sheet.id = 'kbd';
  sheet.className = 'kbd';
  sheet.hidden = true;
  const bar = document.createElement('div');
  bar.className = 'kbd-bar';
  const lbl = document.createElement('span');
  lbl.className = 'kbd-label';
  const value = document.createElement('span');
  value.className = 'kbd-value';
  bar.append(lbl, value, button('btn kbd-done', t('kbd.done'), done, { key: 'done' }));
  const keys = document.createElement('div');
  keys.className = 'kbd-keys';
  sheet.append(bar, keys);
  document.body.appendChild(sheet);
}

/** Texts of the keyboard in the current language (after a language switch). */
export function retranslate() {
  const sheet = $('kbd');
  if (!sheet) return;
  sheet.querySelector('.kbd-done').textContent = t('kbd.done');
  if (target) render();
}

function editable(node) {
  return node instanceof HTMLInputElement && !node.readOnly && !node.disabled && !node.closest('#signin-view')
    && !['checkbox', 'radio', 'button', 'submit', 'file', 'hidden'].includes(node.type);
}

export function installKeyboard() {
  build();
  document.addEventListener('focusin', (e) => {
    // a hand scanner's field (data-wedge) gets the focus for the scanner: its keys open on a tap only
    if (editable(e.target) && !e.target.dataset.wedge) open(e.target);
  });
  // a select opens the choice sheet instead of the browser's list
  document.addEventListener('mousedown', (e) => {
    if (e.target instanceof HTMLSelectElement) e.preventDefault();
  });
  document.addEventListener('click', (e) => {
    if (e.target instanceof HTMLOptionElement) return; // an option chosen by other means (a test driver's Select)
    const select = e.target.closest && e.target.closest('select');
    if (select && !select.disabled) open(select);
  });
  // a touch elsewhere closes the keyboard once its click is done (closing earlier would move what was touched);
  // the touch that focused the field is not elsewhere, even if the opening keyboard moved the field under it
  let downOn = null;
  let openAtDown = null;
  document.addEventListener('pointerdown', (e) => { downOn = e.target; openAtDown = target; }, true);
  document.addEventListener('click', (e) => {
    const input = e.target;
    if (editable(input) && (input !== target || $('kbd').hidden)) {
      open(input); // a tap on a field that has the focus already (a dialog gives it on opening)
      return;
    }
    // only the field open when the touch began is closed (a dialog opened by this touch may have opened another)
    if (!target || target instanceof HTMLSelectElement || downOn === target || openAtDown !== target) return;
    // the path as it was when the touch happened: a key may have re-drawn the sheet (the date picker's month) since
    const path = e.composedPath();
    if (path.some((n) => n === target || n.id === 'kbd' || n instanceof HTMLSelectElement)) return;
    if (e.target instanceof HTMLInputElement) return; // another input: focusin moves the keyboard there
    setTimeout(close, 0);
  });
  // keys from a real keyboard or a hand scanner (wedge): they type into the field; the sheet steps aside
  document.addEventListener('keydown', (e) => {
    if (!target || target instanceof HTMLSelectElement) return;
    if (e.key === 'Enter') done(); // a wedge scanner ends its code with Enter
    else close();
  });
}
