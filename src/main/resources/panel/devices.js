// The device page: each printer's status in words (head open, paper out, ribbon out, paused, buffer
// full), its odometer, the scanners' and the gate's links and counts. On the demo's virtual line, the
// buttons a person's hands would be at a real printer: reload paper, close the head, fit a ribbon.
import { api } from './api.js';
import { formatNumber, t, tOr } from './i18n.js';

const $ = (id) => document.getElementById(id);
const REFRESH_MS = 2000;
let ui = null;
let timer = null;
let busy = false;

function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => {
    if (k === 'text') node.textContent = v;
    else if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.substring(2), v);
    else node.setAttribute(k, v);
  });
  children.forEach((c) => node.appendChild(c));
  return node;
}

function card(device, actions) {
  const conditions = device.conditions.length
    ? device.conditions.map((c) => el('li', { class: `cond cond-${c}`, 'data-condition': c, text: tOr(`devices.cond.${c}`, c) }))
    : [el('li', { class: 'cond cond-ok', text: t(device.link === 'up' ? 'devices.allGood' : 'devices.noReport') })];
  const counters = Object.entries(device.counters).map(([name, value]) => el('div', { class: 'dev-count' }, [
    el('span', { class: 'num', id: `dev-${device.name}-${name}`, text: formatNumber(value) }),
    el('span', { class: 'lbl', text: tOr(`devices.counter.${name}`, name) }),
  ]));
  const buttons = (actions || []).map((action) => el('button', {
    class: 'btn btn-warn',
    id: `vbtn-${device.name}-${action}`,
    'data-device': device.name,
    'data-action': action,
    text: t(`devices.virtual.${action}`),
    onclick: () => act(device.name, action),
  }));
  return el('article', { class: `device-card link-${device.link}`, id: `device-${device.name}`, 'data-kind': device.kind }, [
    el('header', { class: 'device-head' }, [
      el('span', { class: 'device-kind', text: t(`devices.kind.${device.kind}`) }),
      el('strong', { class: 'device-name', text: device.name }),
      el('span', { class: `device-link link-${device.link}`, id: `device-${device.name}-link`, text: t(`devices.link.${device.link}`) }),
    ]),
    el('ul', { class: 'conditions', id: `device-${device.name}-conditions` }, conditions),
    el('div', { class: 'dev-counts' }, counters),
    ...(buttons.length ? [el('div', { class: 'virtual-actions' }, [
      el('span', { class: 'virtual-title', text: t('devices.virtualTitle') }), ...buttons])] : []),
  ]);
}

async function act(device, action) {
  const response = await api('POST', `/devices/${encodeURIComponent(device)}/virtual/${encodeURIComponent(action)}`);
  if (!response.ok) {
    ui.toastError(response);
    return;
  }
  ui.toast(t(`devices.done.${action}`, { device }));
  refresh();
}

async function refresh() {
  if (busy) return;
  busy = true;
  try {
    const response = await api('GET', '/devices/state');
    if ($('view-devices').hidden) return;
    if (!response.ok) {
      ui.toastError(response);
      return;
    }
    const { devices, virtual } = response.data;
    $('devices-list').replaceChildren(...devices.map((d) => card(d, virtual[d.name])));
    $('devices-virtual-hint').hidden = Object.keys(virtual).length === 0;
    $('view-devices').dataset.loaded = 'true';
  } finally {
    busy = false;
  }
}

/** Shows the device page and keeps it current while it is shown. */
export function loadDevices() {
  stopDevices();
  refresh();
  timer = setInterval(() => { if (!$('view-devices').hidden) refresh(); }, REFRESH_MS);
}

export function stopDevices() {
  clearInterval(timer);
  timer = null;
}

export function wireDevices(context) {
  ui = context;
}
