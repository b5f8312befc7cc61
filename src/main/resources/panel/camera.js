// Camera set-up: a supervisor draws the code box (the region the decoder searches) on a live frame by
// touch; pointer events, so a finger, a stylus or a mouse all draw. The box is stored per scanner in
// frame pixels and audited by the server.
import { api, apiUrl } from './api.js';
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);
let ui = null;
let frame = null;      // {width, height} of the frame shown, in frame pixels
let drawn = null;      // the box being drawn, in frame pixels
let stored = null;     // the box the server holds
let start = null;      // where the finger went down, in frame pixels

function scanner() {
  return $('camera-scanner').value;
}

/** Frame pixels per displayed pixel of the frame image. */
function scale() {
  const img = $('camera-frame');
  return frame && img.clientWidth ? frame.width / img.clientWidth : 1;
}

function toFrame(event) {
  const r = $('camera-frame').getBoundingClientRect();
  const s = scale();
  const x = Math.min(Math.max(event.clientX - r.left, 0), r.width);
  const y = Math.min(Math.max(event.clientY - r.top, 0), r.height);
  return { x: Math.round(x * s), y: Math.round(y * s) };
}

function showBox(box) {
  const overlay = $('camera-box');
  const img = $('camera-frame');
  if (!box || img.hidden) {
    overlay.hidden = true;
    return;
  }
  const s = scale();
  overlay.style.left = `${img.offsetLeft + box.x / s}px`;
  overlay.style.top = `${img.offsetTop + box.y / s}px`;
  overlay.style.width = `${box.width / s}px`;
  overlay.style.height = `${box.height / s}px`;
  overlay.classList.toggle('stored', box === stored);
  overlay.hidden = false;
}

function describe() {
  $('camera-current').textContent = stored
    ? t('camera.current', { x: stored.x, y: stored.y, width: stored.width, height: stored.height, by: stored.setBy })
    : t('camera.none');
}

async function loadScanners() {
  const select = $('camera-scanner');
  if (select.options.length) return;
  const response = await api('GET', '/setup-options');
  if (!response.ok) return;
  response.data.scanners.forEach((name) => {
    const option = document.createElement('option');
    option.value = name;
    option.textContent = name;
    select.appendChild(option);
  });
}

async function loadFrame() {
  const info = await api('GET', `/scanners/${encodeURIComponent(scanner())}/code-box`);
  if (!info.ok) {
    ui.toastError(info);
    return;
  }
  stored = info.data.codeBox;
  frame = info.data.frame;
  drawn = null;
  $('camera-save').disabled = true;
  describe();
  const img = $('camera-frame');
  $('camera-noframe').hidden = Boolean(frame);
  if (!frame) {
    img.hidden = true;
    showBox(null);
    return;
  }
  await new Promise((resolve) => {
    img.onload = () => { img.hidden = false; resolve(); };
    img.onerror = () => { img.hidden = true; resolve(); };
    img.src = apiUrl(`/camera/frame.jpg?t=${Date.now()}`);
  });
  showBox(stored);
  $('view-camera').dataset.ready = 'true';
}

export async function loadCamera() {
  $('camera-message').textContent = '';
  await loadScanners();
  if (scanner()) await loadFrame();
}

function down(event) {
  if ($('camera-frame').hidden) return;
  event.preventDefault();
  $('camera-stage').setPointerCapture(event.pointerId);
  start = toFrame(event);
  drawn = { x: start.x, y: start.y, width: 0, height: 0 };
  showBox(drawn);
}

function move(event) {
  if (!start) return;
  event.preventDefault();
  const p = toFrame(event);
  drawn = { x: Math.min(start.x, p.x), y: Math.min(start.y, p.y), width: Math.abs(p.x - start.x), height: Math.abs(p.y - start.y) };
  showBox(drawn);
}

function up(event) {
  if (!start) return;
  move(event);
  start = null;
  $('camera-save').disabled = !drawn || drawn.width < 1 || drawn.height < 1;
  $('camera-message').textContent = drawn ? t('camera.drawn', { width: drawn.width, height: drawn.height }) : '';
}

async function save() {
  if (!drawn || !frame) return;
  const response = await api('PUT', `/scanners/${encodeURIComponent(scanner())}/code-box`, {
    ...drawn, frameWidth: frame.width, frameHeight: frame.height,
  });
  if (!response.ok) {
    ui.toastError(response);
    return;
  }
  stored = response.data;
  drawn = null;
  $('camera-save').disabled = true;
  $('camera-message').textContent = '';
  describe();
  showBox(stored);
  ui.toast(t('camera.saved'));
}

async function clear() {
  const response = await api('DELETE', `/scanners/${encodeURIComponent(scanner())}/code-box`);
  if (!response.ok) {
    ui.toastError(response);
    return;
  }
  stored = null;
  drawn = null;
  describe();
  showBox(null);
  ui.toast(t('camera.cleared'));
}

export function wireCamera(context) {
  ui = context;
  const stage = $('camera-stage');
  stage.addEventListener('pointerdown', down);
  stage.addEventListener('pointermove', move);
  stage.addEventListener('pointerup', up);
  stage.addEventListener('pointercancel', () => { start = null; });
  $('camera-refresh').addEventListener('click', loadFrame);
  $('camera-save').addEventListener('click', save);
  $('camera-clear').addEventListener('click', clear);
  $('camera-scanner').addEventListener('change', loadFrame);
  window.addEventListener('resize', () => showBox(drawn || stored));
}
