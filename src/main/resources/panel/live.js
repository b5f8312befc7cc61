// The live view: one unit at a time. The label, the camera frame and the verdict shown are those of the
// same unit (the server pairs them by unit id); a new unit is shown only once both pictures of the last
// one have loaded, so a fast line never mixes two units on screen.
import { apiUrl } from './api.js';
import { t, tOr } from './i18n.js';

const $ = (id) => document.getElementById(id);
let shown = null;
let loading = false;
let waiting = null;

function picture(id, path) {
  return new Promise((resolve) => {
    const img = $(id);
    if (!path) {
      img.hidden = true;
      img.removeAttribute('src');
      resolve();
      return;
    }
    const next = new Image();
    next.onload = () => { img.src = next.src; img.hidden = false; resolve(); };
    next.onerror = () => { img.hidden = true; resolve(); };
    next.src = apiUrl(path);
  });
}

function verdictText(unit) {
  const grade = unit.grade || '\u2014';
  if (unit.challenge) {
    return unit.verified ? t('live.challengeAccepted') : t('live.challengeRejected', { reason: tOr(`reason.${unit.reason}`, unit.reason) });
  }
  return unit.verified ? t('verdict.ok', { grade }) : t('verdict.reject', { reason: tOr(`reason.${unit.reason}`, unit.reason), grade });
}

function caption(unit) {
  $('live-unit').textContent = unit ? (unit.challenge ? unit.code : t('live.unit', { seq: unit.seq, code: unit.code })) : '';
  $('live-challenge').hidden = !(unit && unit.challenge);
  const box = $('verdict');
  if (!unit) {
    box.className = 'verdict';
    box.textContent = '';
    return;
  }
  box.className = `verdict ${unit.verified && !unit.challenge ? 'ok' : 'bad'}${unit.challenge ? ' challenge' : ''}`;
  box.textContent = verdictText(unit);
  box.dataset.unit = String(unit.unitId);
}

async function show(unit) {
  loading = true;
  await Promise.all([
    picture('img-label', `/live/${unit.unitId}/label.png`),
    picture('img-frame', unit.hasFrame ? `/live/${unit.unitId}/frame.jpg` : null),
  ]);
  caption(unit);
  $('img-label').dataset.unit = String(unit.unitId);
  $('img-frame').dataset.unit = String(unit.unitId);
  loading = false;
  if (waiting && waiting.unitId !== unit.unitId) {
    const next = waiting;
    waiting = null;
    shown = next.unitId;
    show(next);
  }
}

/** Called with every status push: shows the status's live unit when it is a new one. */
export function renderLive(status) {
  const unit = status.live;
  if (!unit) {
    if (shown === null) caption(null);
    return;
  }
  if (unit.unitId === shown) return;
  if (loading) {
    waiting = unit;
    return;
  }
  shown = unit.unitId;
  show(unit);
}

/** After a language switch: the verdict's words again. */
export function retranslateLive(status) {
  if (status && status.live && status.live.unitId === shown) caption(status.live);
}
