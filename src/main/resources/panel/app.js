// tracemark touch panel: sign-in keypad, live line view, job set-up, reject log, users.
import { api, apiUrl, setCsrfToken, whenSignedOut } from './api.js';
import { formatNumber, formatTime, initialLanguage, loadLanguage, otherLanguage, t, tOr, translate } from './i18n.js';
import { alarmTexts, messageText, problemText } from './messages.js';
import { close as closeKeyboard, installKeyboard, retranslate as retranslateKeyboard } from './keyboard.js';
import { renderLive, retranslateLive } from './live.js';
import { loadTrends, wireTrends } from './trends.js';
import { loadDevices, stopDevices, wireDevices } from './devices.js';
import { loadCamera, wireCamera } from './camera.js';

const RANKS = { operator: 0, supervisor: 1, admin: 2 };
const FIELD_ALIASES = {
  product: 'productId', productid: 'productId', date: 'productionDate', productiondate: 'productionDate',
  expiry: 'expiryDate', expirydate: 'expiryDate', level: 'traceLevel', tracelevel: 'traceLevel',
  grade: 'minimumGrade', minimumgrade: 'minimumGrade', qty: 'quantity', count: 'quantity',
};
const GRADES = ['A', 'B', 'C', 'D'];
const $ = (id) => document.getElementById(id);

const state = {
  me: null,
  status: null,
  options: null,
  view: 'line',
  events: null,
  shownUnit: null,
  lastActivity: Date.now(),
  lastServerTouch: Date.now(),
  signin: { field: 'user', user: '', pin: '' },
  rejects: [],
  users: [],
  producers: [],
  products: [],
  alerts: [],
};

const PRODUCER_FIELDS = ['name', 'uscc', 'address', 'contact', 'businessLicence'];
const PRODUCT_FIELDS = ['producer', 'name', 'type', 'specification', 'mandatoryStandard', 'inspectionReport',
  'licenceNumber', 'warranty', 'instructions', 'gtin'];

// ---------- helpers ----------

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

function rank(role) {
  return RANKS[role] ?? -1;
}

function errorText(response) {
  const data = response.data || {};
  if (data.problems && data.problems.length) {
    return data.problems.map((p) => `${tOr(`field.${formField(p.field)}`, t('field.request'))}: ${problemText(p)}`).join('; ');
  }
  return messageText(data);
}

// A message the operator must read stays until closed (error: true); a confirmation of success fades.
let toastTimer = null;
function toast(text, error = false) {
  $('toast-text').textContent = text;
  $('toast').hidden = false;
  $('toast').classList.toggle('error', error);
  clearTimeout(toastTimer);
  if (!error) toastTimer = setTimeout(() => { $('toast').hidden = true; }, 6000);
}

function toastError(response) {
  toast(errorText(response), true);
}

// A question with what will follow from the answer ("7 labels in flight will be voided").
function confirmAction(text, consequence = '') {
  return new Promise((resolve) => {
    const dialog = $('confirm-dialog');
    $('confirm-text').textContent = text;
    $('confirm-consequence').textContent = consequence;
    const done = (answer) => { dialog.close(); resolve(answer); };
    $('confirm-yes').onclick = () => done(true);
    $('confirm-no').onclick = () => done(false);
    dialog.showModal();
  });
}

// ---------- problems next to their fields ----------

function formField(where) {
  const last = (where || '').split(/[.[\]]/).filter(Boolean).pop() || '';
  return FIELD_ALIASES[last.toLowerCase()] || last;
}

function problemNodes(problem, field, general) {
  const text = problemText(problem);
  return [document.createTextNode(general ? `${tOr(`field.${field}`, t('field.request'))}: ${text}` : text)];
}

function clearProblems(form) {
  form.querySelectorAll('.problem').forEach((p) => { p.replaceChildren(); });
  form.querySelectorAll('.fld.bad').forEach((f) => f.classList.remove('bad'));
}

function showProblems(form, problems, general) {
  clearProblems(form);
  if (general) general.replaceChildren();
  problems.forEach((problem) => {
    const field = formField(problem.field);
    const holder = form.querySelector(`.fld[data-field="${CSS.escape(field)}"]`);
    const target = holder ? holder.querySelector('.problem') : general;
    if (!target) return;
    if (holder) holder.classList.add('bad');
    if (target.childNodes.length) target.appendChild(el('br'));
    problemNodes(problem, field, !holder).forEach((n) => target.appendChild(n));
  });
}

// ---------- sign-in ----------

function renderSignin() {
  const s = state.signin;
  const changing = Boolean(s.change);
  $('user-value').textContent = changing ? '\u2022'.repeat(s.user.length) : s.user;
  $('pin-value').textContent = '\u2022'.repeat(s.pin.length);
  $('field-user').classList.toggle('active', s.field === 'user');
  $('field-pin').classList.toggle('active', s.field === 'pin');
}

function pressKey(key) {
  const s = state.signin;
  if (key === 'clear') s[s.field] = '';
  else if (key === 'back') s[s.field] = s[s.field].slice(0, -1);
  else if (s[s.field].length < 12) s[s.field] += key;
  renderSignin();
}

/** The first field filled, the submit key moves on to the second; true when it did. */
function advanceToPin() {
  const s = state.signin;
  if (s.field !== 'user' || !s.user || s.pin) return false;
  s.field = 'pin';
  renderSignin();
  return true;
}

async function submitSignin() {
  const s = state.signin;
  if (advanceToPin()) return;
  if (s.change) {
    await submitNewPin();
    return;
  }
  const typedPin = s.pin;
  const response = await api('POST', '/session', { user: s.user, pin: s.pin });
  s.pin = '';
  if (response.status === 201 && response.data.pinChangeRequired) {
    startPinChange(response.data, typedPin);
  } else if (response.status === 201) {
    s.user = '';
    s.field = 'user';
    $('signin-message').textContent = '';
    renderSignin();
    await enterApp(response.data);
  } else {
    s.field = 'pin';
    $('signin-message').textContent = errorText(response);
    renderSignin();
  }
}

// A supervisor or admin whose PIN is shorter than the role needs chooses a new one on the same keypad:
// the two fields become "new PIN" and "new PIN again".
function signinLabels(change) {
  document.querySelector('#field-user .entry-label').dataset.i18n = change ? 'signin.newPin' : 'signin.user';
  document.querySelector('#field-pin .entry-label').dataset.i18n = change ? 'signin.repeatPin' : 'signin.pin';
  $('signin-submit').dataset.i18n = change ? 'signin.setPin' : 'signin.submit';
  translate($('signin-view'));
}

function startPinChange(me, currentPin) {
  setCsrfToken(me.csrfToken);
  state.signin = { field: 'user', user: '', pin: '', change: { current: currentPin, min: me.minimumPinLength } };
  signinLabels(true);
  $('signin-message').textContent = t('signin.pinChangeRequired', { min: me.minimumPinLength });
  renderSignin();
}

async function submitNewPin() {
  const s = state.signin;
  if (advanceToPin()) return;
  if (s.user !== s.pin) {
    s.pin = '';
    s.field = 'pin';
    $('signin-message').textContent = t('signin.pinMismatch');
    renderSignin();
    return;
  }
  const response = await api('POST', '/me/pin', { pin: s.change.current, newPin: s.user });
  if (response.status === 200) {
    state.signin = { field: 'user', user: '', pin: '' };
    signinLabels(false);
    $('signin-message').textContent = '';
    renderSignin();
    await enterApp(response.data);
    return;
  }
  const problem = response.data && response.data.problems && response.data.problems[0];
  $('signin-message').textContent = problem && problem.key
    ? tOr(`problem.${problem.key}`, errorText(response), { field: t('signin.newPin'), ...(problem.params || {}) })
    : errorText(response);
  s.user = '';
  s.pin = '';
  s.field = 'user';
  renderSignin();
}

function showSignin(reason) {
  state.me = null;
  if (state.signin.change) {
    state.signin = { field: 'user', user: '', pin: '' };
    signinLabels(false);
  }
  if (state.events) {
    state.events.close();
    state.events = null;
  }
  document.querySelectorAll('dialog[open]').forEach((d) => d.close());
  $('app').hidden = true;
  $('alarm-banner').hidden = true;
  $('toast').hidden = true;
  closeKeyboard();
  $('signin-view').hidden = false;
  $('signin-message').textContent = reason || '';
  renderSignin();
}

async function signOut(idle) {
  await api('DELETE', '/session');
  showSignin(idle ? t('signin.idle') : '');
}

// ---------- the app frame ----------

async function enterApp(me) {
  state.me = me;
  setCsrfToken(me.csrfToken);
  state.lastActivity = Date.now();
  state.lastServerTouch = Date.now();
  $('signin-view').hidden = true;
  $('app').hidden = false;
  renderWho();
  document.querySelectorAll('[data-min-role]').forEach((node) => {
    const situational = SITUATIONAL[node.dataset.cmd];
    node.hidden = rank(me.role) < rank(node.dataset.minRole)
      || Boolean(situational && !(state.status && situational(state.status)));
  });
  showView('line');
  connectEvents();
}

function renderWho() {
  if (state.me) $('who').textContent = `${state.me.name} \u00b7 ${t(`role.${state.me.role}`)}`;
}

function showView(view) {
  closeKeyboard();
  state.view = view;
  document.querySelectorAll('.tab').forEach((tab) => tab.classList.toggle('active', tab.dataset.view === view));
  document.querySelectorAll('#app > .view').forEach((section) => { section.hidden = section.id !== `view-${view}`; });
  if (view === 'job') openJobForm();
  if (view === 'jobs') loadJobs();
  if (view === 'rejects') loadRejects();
  if (view === 'alerts') loadAlerts();
  if (view === 'admin') loadAdmin();
  if (view === 'master') loadMaster();
  if (view === 'trends') loadTrends();
  if (view === 'devices') loadDevices(); else stopDevices();
  if (view === 'camera') loadCamera();
}

function connectEvents() {
  if (state.events) state.events.close();
  const source = new EventSource(apiUrl('/events'));
  source.addEventListener('status', (event) => render(JSON.parse(event.data)));
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED && state.me) {
      api('GET', '/me').then((r) => { if (r.ok) setTimeout(connectEvents, 1000); });
    }
  };
  state.events = source;
}

// ---------- line view ----------

function render(status) {
  const previous = state.status;
  state.status = status;
  const job = status.job;
  $('job-product').textContent = job ? job.productName || job.productId : '\u2014';
  $('job-batch').textContent = job ? job.batch : '\u2014';
  $('job-id').textContent = job ? job.jobId : '\u2014';
  $('job-state').textContent = tOr(`state.${status.state}`, status.state);
  $('status-light').className = `status-light status-${status.status}`;
  $('status-text').textContent = t(`status.${status.status}`);
  const c = status.counters;
  $('cnt-sent').textContent = formatNumber(c.sent);
  $('cnt-verified').textContent = formatNumber(c.verified);
  $('cnt-rejected').textContent = formatNumber(c.rejected);
  $('cnt-voided').textContent = formatNumber(c.voided);
  $('cnt-remaining').textContent = formatNumber(c.remaining);
  $('cnt-rate').textContent = formatNumber(c.unitsPerMinute);
  $('cnt-yield').textContent = `${formatNumber(c.yieldPercent, 1)}%`;
  renderPlcCounts(status.plcRejectCounts, job);
  const platform = status.platform;
  const backlog = platform && typeof platform.outboxBacklog === 'number';
  $('platform-field').hidden = !backlog;
  if (backlog) $('platform-backlog').textContent = t('line.platformBacklog', { count: formatNumber(platform.outboxBacklog) });
  renderAlertsTab(platform, previous && previous.platform);
  renderAlarms(status.alarms);
  renderActions(status);
  if ('live' in status && (status.live || status.lastVerdict === null)) {
    // one unit at a time: its label, frame and verdict together (live.js)
    renderLive(status);
  } else {
    // a line that does not pair its pictures with the unit: the last of each
    renderVerdict(status.lastVerdict);
    const unit = status.lastVerdict ? status.lastVerdict.unitId : null;
    if (unit !== state.shownUnit) {
      state.shownUnit = unit;
      loadImage('img-label', `/images/last-label?u=${unit}`);
      loadImage('img-frame', `/images/last-frame?u=${unit}`);
    }
  }
  if (state.view === 'rejects' && previous && previous.counters.rejected !== c.rejected) loadRejects();
  if (state.view === 'jobs' && previous && (previous.state !== status.state || previous.job?.jobId !== job?.jobId)) loadJobs();
}

// The PLC's own reject count of the job on the line beside the station's (read every second, so it may lag a reject).
function renderPlcCounts(counts, job) {
  const box = $('cnt-plc');
  const running = (counts || []).filter((g) => !g.ended && job && g.job === job.jobId);
  box.hidden = running.length === 0;
  if (!running.length) return;
  const count = (g) => (g.plcRejects === null || g.plcRejects === undefined ? '\u2014' : formatNumber(g.plcRejects));
  box.textContent = t('counter.plcRejects', {
    count: running.length === 1 ? count(running[0]) : running.map((g) => `${g.gate} ${count(g)}`).join(' \u00b7 '),
  });
}

function loadImage(id, path) {
  const img = $(id);
  img.onload = () => { img.hidden = false; };
  img.onerror = () => { img.hidden = true; };
  img.src = apiUrl(path);
}

function renderVerdict(verdict) {
  const box = $('verdict');
  if (!verdict) {
    box.className = 'verdict';
    box.textContent = '';
    return;
  }
  const grade = verdict.grade || '\u2014';
  box.className = verdict.verified ? 'verdict ok' : 'verdict bad';
  box.textContent = verdict.verified
    ? t('verdict.ok', { grade })
    : t('verdict.reject', { reason: tOr(`reason.${verdict.reason}`, verdict.reason), grade });
}

// The oldest alarm not yet acknowledged: a bar under the tabs (never over them) and, on the line view, its
// recovery steps in place of the images. It stays until someone acknowledges it.
function renderAlarms(alarms) {
  const banner = $('alarm-banner');
  const guide = $('alarm-guide');
  if (!alarms || alarms.length === 0) {
    banner.hidden = true;
    guide.hidden = true;
    return;
  }
  const alarm = alarms[0];
  const texts = alarmTexts(alarm);
  banner.hidden = false;
  guide.hidden = false;
  banner.classList.toggle('warning', alarm.severity === 'WARNING');
  guide.classList.toggle('warning', alarm.severity === 'WARNING');
  banner.dataset.alarmId = alarm.id;
  banner.dataset.cause = alarm.cause;
  $('alarm-kind').textContent = texts.kind;
  $('alarm-cause').textContent = texts.title;
  $('alarm-time').textContent = formatTime(alarm.raisedAt);
  $('alarm-more').textContent = alarms.length > 1 ? t('alarm.more', { count: alarms.length - 1 }) : '';
  $('alarm-guide-title').textContent = texts.title;
  $('alarm-steps').replaceChildren(...texts.steps.map((step) => el('li', { text: step })));
}

// Shown only when the state calls for them: clear a fault (ABORTED), resume the unfinished job (stopped).
const SITUATIONAL = {
  clear: (status) => status.state === 'ABORTED',
  restart: (status) => Boolean(status.resumable) && status.state !== 'ABORTED',
};

function renderActions(status) {
  const s = status.status;
  const hasJob = Boolean(status.job);
  Object.entries(SITUATIONAL).forEach(([cmd, applies]) => {
    const button = document.querySelector(`[data-cmd="${cmd}"]`);
    button.hidden = !state.me || rank(state.me.role) < rank(button.dataset.minRole) || !applies(status);
  });
  const enabled = {
    clear: status.state === 'ABORTED',
    restart: Boolean(status.resumable),
    setup: s === 'stopped' || s === 'fault',
    pause: s === 'running',
    resume: s === 'paused',
    stop: s === 'running' || s === 'paused', // after a fault the line has stopped already: clear it
    'end-batch': hasJob && (s === 'stopped' || s === 'paused'),
    challenge: true,
    void: hasJob,
  };
  document.querySelectorAll('[data-cmd]').forEach((button) => {
    button.disabled = !enabled[button.dataset.cmd];
  });
  $('job-start').disabled = !(s === 'stopped' || s === 'fault');
}

async function command(cmd) {
  if (cmd === 'setup') {
    showView('job');
    return;
  }
  if (cmd === 'void') {
    openVoid();
    return;
  }
  if (!(await confirmCommand(cmd, state.status))) return;
  const response = await api('POST', `/line/${cmd}`);
  if (!response.ok) {
    toastError(response);
    return;
  }
  if (cmd === 'end-batch') {
    render(response.data);
    showSummary();
  } else if (cmd === 'challenge') {
    toast(response.data.passed ? t('challenge.passed') : t('challenge.failed', { detail: response.data.detail }));
  } else {
    render(response.data);
  }
}

function inFlight(status) {
  const c = status ? status.counters : null;
  return c ? Math.max(0, c.sent - c.verified - c.rejected - c.voided) : 0;
}

// Stop, end batch and suspend say what they do to the labels and codes before they do it.
async function confirmCommand(cmd, status) {
  const job = status && status.job;
  const vars = { count: formatNumber(inFlight(status)), remaining: formatNumber(status ? status.counters.remaining : 0),
    batch: job ? job.batch : '', job: job ? job.jobId : '' };
  if (cmd === 'stop') return confirmAction(t('confirm.stop'), t(inFlight(status) ? 'confirm.stopVoids' : 'confirm.stopNone', vars));
  if (cmd === 'end-batch') return confirmAction(t('confirm.endBatchOf', vars), t('confirm.endBatchReleases', vars));
  if (cmd === 'suspend') return confirmAction(t('confirm.suspend', vars), t('confirm.suspendKeeps', vars));
  return true;
}

// The books of the batch just ended.
async function showSummary() {
  const response = await api('GET', '/jobs/last-reconciliation');
  if (!response.ok) {
    toastError(response);
    return;
  }
  const r = response.data;
  $('summary-title').textContent = t('summary.title', { job: r.job });
  const rows = ['allocated', 'sent', 'verified', 'rejected', 'voided', 'released', 'inFlight', 'duplicates'];
  $('summary-books').replaceChildren(...rows.flatMap((k) => [el('dt', { text: t(`summary.${k}`) }),
    el('dd', { 'data-book': k, text: formatNumber(r[k]) })]));
  $('summary-balance').textContent = t(r.balanced ? 'summary.balanced' : 'summary.unbalanced');
  $('summary-balance').className = `summary-balance ${r.balanced ? 'ok' : 'bad'}`;
  $('summary-dialog').showModal();
}

// ---------- job list: open, suspended and ended jobs with their books ----------

async function loadJobs() {
  const response = await api('GET', '/jobs?limit=50');
  if (!response.ok) {
    toastError(response);
    return;
  }
  state.jobs = response.data;
  renderJobs();
}

function jobStateText(j) {
  if (j.current) return t('jobs.stateCurrent');
  if (j.suspended) return t('jobs.stateSuspended');
  return t(j.state === 'OPEN' ? 'jobs.stateOpen' : 'jobs.stateEnded');
}

function jobActions(j) {
  const status = state.status;
  const supervisor = state.me && rank(state.me.role) >= rank('supervisor');
  const stoppedOrPaused = status && (status.status === 'stopped' || status.status === 'paused');
  const buttons = [];
  if (j.current && status && status.resumable && status.status !== 'fault') {
    buttons.push(el('button', { class: 'btn btn-small', 'data-act': 'restart', text: t('jobs.resume'),
      onclick: () => jobCommand('/line/restart', j) }));
  } else if (j.state === 'OPEN' && !j.current && supervisor) {
    buttons.push(el('button', { class: 'btn btn-small', 'data-act': 'resume', text: t('jobs.resume'),
      onclick: () => jobCommand(`/jobs/${encodeURIComponent(j.jobId)}/resume`, j) }));
  }
  if (j.current && j.state === 'OPEN' && supervisor && stoppedOrPaused) {
    buttons.push(el('button', { class: 'btn btn-small', 'data-act': 'end', text: t('action.endBatch'),
      onclick: () => command('end-batch').then(loadJobs) }));
  }
  return buttons;
}

function renderJobs() {
  const rows = (state.jobs || []).map((j) => el('tr', { 'data-job': j.jobId, class: j.current ? 'current' : '' }, [
    el('td', { class: 'code job-cell', text: j.batch ? `${j.batch} \u00b7 ${j.jobId}` : j.jobId }),
    el('td', { text: jobStateText(j) }),
    el('td', { text: formatTime(j.createdAt) }),
    el('td', { text: formatNumber(j.verified) }),
    el('td', { text: formatNumber(j.rejected) }),
    el('td', { text: formatNumber(j.voided) }),
    el('td', { text: formatNumber(j.released) }),
    el('td', { text: formatNumber(j.inFlight) }),
    el('td', { class: 'actions-cell' }, jobActions(j)),
  ]));
  $('jobs-rows').replaceChildren(...rows);
  $('jobs-empty').hidden = rows.length > 0;
}

async function jobCommand(path, job) {
  const response = await api('POST', path);
  if (!response.ok) {
    toastError(response);
    return;
  }
  toast(t('jobs.resumed', { job: job.jobId }));
  render(response.data);
  showView('line');
}

async function acknowledgeAlarm() {
  const id = $('alarm-banner').dataset.alarmId;
  const response = await api('POST', `/alarms/${id}/ack`);
  if (response.ok) render(response.data);
  else toastError(response);
}

// ---------- job set-up ----------

function fillSelect(select, values, label, keepEmpty) {
  const previous = select.value;
  select.replaceChildren();
  if (keepEmpty) select.appendChild(el('option', { value: '', text: t('job.choose') }));
  values.forEach((v) => select.appendChild(el('option', { value: v.value ?? v, text: label(v) })));
  if ([...select.options].some((o) => o.value === previous)) select.value = previous;
}

async function openJobForm() {
  const [options, recipes] = await Promise.all([api('GET', '/setup-options'), api('GET', '/recipes')]);
  if (options.ok) state.options = options.data;
  state.recipes = recipes.ok ? recipes.data : [];
  fillJobForm();
  renderRecipes();
  $('job-open').hidden = true;
  loadOpenJobs(false);
}

function fillJobForm() {
  const o = state.options;
  if (!o) return;
  const form = $('job-form');
  fillSelect(form.productId, o.products.map((p) => ({ value: p.id, p })),
    (v) => t('job.productOption', { name: v.p.name, spec: v.p.specification, codes: formatNumber(v.p.codesAvailable) }), true);
  fillSelect(form.traceLevel, o.traceLevels, (v) => tOr(`traceLevel.${v}`, v), true);
  fillSelect(form.scheme, o.schemes, (v) => tOr(`scheme.${v}`, v), false);
  fillSelect(form.template, o.templates, (v) => v, false);
  fillSelect(form.printer, o.printers, (v) => v, false);
  fillSelect(form.scanner, o.scanners, (v) => v, false);
  const grade = form.minimumGrade.value || 'C';
  fillSelect(form.minimumGrade, GRADES, (v) => t(`grade.${v}`), false);
  form.minimumGrade.value = grade;
  // the station's date, in the station's time zone (not the browser's, not UTC)
  form.productionDate.dataset.today = o.today || '';
  form.expiryDate.dataset.today = o.today || '';
  if (!form.productionDate.value && o.today) form.productionDate.value = o.today;
}

// ---------- product recipes: one tap fills the job form ----------

const RECIPE_FIELDS = ['productId', 'template', 'printer', 'scanner', 'scheme', 'minimumGrade', 'traceLevel'];

function renderRecipes() {
  const list = state.recipes || [];
  $('recipes-none').hidden = list.length > 0;
  $('recipes').replaceChildren(...list.map((r) => {
    const product = (state.options?.products || []).find((p) => p.id === r.productId);
    return el('button', {
      class: `btn recipe${state.recipe === r.id ? ' chosen' : ''}`, 'data-recipe': r.id, onclick: () => chooseRecipe(r),
    }, [el('span', { class: 'recipe-name', text: r.name }),
      el('span', { class: 'recipe-sub', text: product ? `${product.name} \u00b7 ${tOr(`traceLevel.${r.traceLevel}`, '')}` : '' })]);
  }));
}

function chooseRecipe(recipe) {
  const form = $('job-form');
  state.recipe = recipe.id;
  RECIPE_FIELDS.forEach((name) => {
    const value = recipe[name];
    if (value !== null && value !== undefined && [...form.elements[name].options].some((o) => o.value === value)) {
      form.elements[name].value = value;
    }
  });
  form.elements.batch.value = '';
  clearProblems(form);
  $('job-message').textContent = t('recipe.chosen', { name: recipe.name });
  renderRecipes();
}

function openRecipeSave() {
  const form = $('recipe-form');
  const job = jobRequest();
  form.reset();
  clearProblems(form);
  const product = (state.options?.products || []).find((p) => p.id === job.productId);
  form.elements.name.value = product ? `${product.name} ${job.traceLevel ? t(`traceLevel.${job.traceLevel}`) : ''}`.trim() : '';
  $('recipe-dialog').showModal();
}

async function confirmRecipeSave() {
  const form = $('recipe-form');
  const job = jobRequest();
  const body = { name: form.elements.name.value.trim(), caseSize: form.elements.caseSize.value.trim() || null };
  RECIPE_FIELDS.forEach((name) => { body[name] = job[name] || null; });
  const id = `R-${Date.now().toString(36).toUpperCase()}`;
  const response = await api('PUT', `/recipes/${id}`, body);
  if (response.ok) {
    $('recipe-dialog').close();
    toast(t('recipe.saved', { name: body.name }));
    state.recipe = id;
    openJobForm();
  } else if (response.status === 400 && response.data.problems) {
    showProblems(form, response.data.problems, $('recipe-problem'));
  } else {
    toastError(response);
  }
}

function jobRequest() {
  const form = $('job-form');
  const request = {};
  ['productId', 'batch', 'productionDate', 'expiryDate', 'traceLevel', 'scheme', 'template', 'printer', 'scanner',
    'quantity', 'minimumGrade'].forEach((name) => {
    const value = form.elements[name].value.trim();
    if (value) request[name] = value;
  });
  return request;
}

async function validateJob() {
  const response = await api('POST', '/jobs/validate', jobRequest());
  if (!response.ok) {
    jobFailed(response);
    return false;
  }
  showProblems($('job-form'), response.data.problems, $('form-problems'));
  $('job-message').textContent = response.data.ok ? t('job.valid') : t('job.invalid');
  return response.data.ok;
}

async function previewJob() {
  const response = await api('POST', '/jobs/preview', jobRequest());
  if (!response.ok) {
    jobFailed(response);
    return;
  }
  clearProblems($('job-form'));
  const img = $('img-preview');
  if (img.src.startsWith('blob:')) URL.revokeObjectURL(img.src);
  img.src = URL.createObjectURL(response.data);
  img.hidden = false;
  $('job-message').textContent = '';
}

async function startJob() {
  const response = await api('POST', '/line/start', jobRequest());
  if (!response.ok) {
    jobFailed(response);
    return;
  }
  clearProblems($('job-form'));
  $('job-message').textContent = '';
  render(response.data);
  showView('line');
}

function jobFailed(response) {
  if (response.status === 400 && response.data.problems) {
    showProblems($('job-form'), response.data.problems, $('form-problems'));
    $('job-message').textContent = t('job.invalid');
  } else {
    $('job-message').textContent = errorText(response);
    loadOpenJobs(true); // refused because another job is OPEN? offer to resume, end or suspend it
  }
}

// ---------- OPEN jobs: the one in the way of a new job, the suspended ones ----------

let openJobsAsked = 0;
async function loadOpenJobs(afterRefusal) {
  const asked = ++openJobsAsked;
  const response = await api('GET', '/jobs/open');
  // answers may come back out of order: only the latest request's answer is shown
  if (!response.ok || asked !== openJobsAsked) return;
  const jobs = response.data || [];
  const supervisor = Boolean(state.me) && rank(state.me.role) >= rank('supervisor');
  const blocking = afterRefusal ? jobs.find((j) => !j.suspended) : null;
  $('job-open').hidden = !blocking;
  if (blocking) {
    $('job-open').dataset.jobId = blocking.jobId;
    $('job-open-text').textContent = t('jobs.openBlocking',
      { job: blocking.jobId, verified: formatNumber(blocking.verified), quantity: formatNumber(blocking.quantity) });
    $('job-open-resume').hidden = !supervisor;
    $('job-open-end').hidden = !supervisor || !blocking.current;
    $('job-open-suspend').hidden = !supervisor || !blocking.current;
  }
  const suspended = jobs.filter((j) => j.suspended);
  $('jobs-suspended').hidden = suspended.length === 0;
  $('jobs-suspended-list').replaceChildren(...suspended.map((j) => el('li', { 'data-job': j.jobId }, [
    el('span', { text: t('jobs.suspendedItem',
      { job: j.jobId, verified: formatNumber(j.verified), quantity: formatNumber(j.quantity) }) }),
    Object.assign(el('button', { class: 'btn', text: t('jobs.resume'), onclick: () => resumeOpenJob(j.jobId) }),
      { hidden: !supervisor }),
  ])));
}

async function resumeOpenJob(jobId) {
  const response = await api('POST', `/jobs/${encodeURIComponent(jobId)}/resume`);
  if (!response.ok) {
    $('job-message').textContent = errorText(response);
    return;
  }
  $('job-open').hidden = true;
  $('job-message').textContent = '';
  toast(t('jobs.resumed', { job: jobId }));
  render(response.data);
  showView('line');
}

async function settleBlockingJob(path, doneKey) {
  const jobId = $('job-open').dataset.jobId;
  if (path === '/line/end-batch' && !(await confirmCommand('end-batch', state.status))) return;
  if (path === '/line/suspend' && !(await confirmCommand('suspend', state.status))) return;
  const response = await api('POST', path);
  if (!response.ok) {
    $('job-message').textContent = errorText(response);
    return;
  }
  render(response.data);
  $('job-message').textContent = t(doneKey, { job: jobId });
  loadOpenJobs(false);
}

// ---------- void ----------

function openVoid() {
  const form = $('void-form');
  form.reset();
  clearProblems(form);
  $('void-dialog').showModal();
}

async function confirmVoid() {
  const form = $('void-form');
  const code = form.elements.code.value.trim();
  if (!code) {
    showProblems(form, [{ field: 'code', message: '', key: 'required' }]);
    return;
  }
  const response = await api('POST', `/units/${encodeURIComponent(code)}/void`, { reason: form.elements.reason.value });
  if (response.ok) {
    $('void-dialog').close();
    toast(t('void.done', { code }));
  } else if (response.status === 400 && response.data.problems) {
    showProblems(form, response.data.problems);
  } else {
    toastError(response);
  }
}

// ---------- rejects ----------

async function loadRejects() {
  const params = new URLSearchParams();
  [['reason', 'f-reason'], ['code', 'f-code'], ['job', 'f-job']].forEach(([name, id]) => {
    const value = $(id).value.trim();
    if (value) params.set(name, value);
  });
  params.set('limit', '200');
  const response = await api('GET', `/rejects?${params}`);
  if (!response.ok) {
    toastError(response);
    return;
  }
  state.rejects = response.data;
  renderRejects();
}

function renderRejects() {
  const rows = state.rejects.map((r) => el('tr', { 'data-unit': r.unitId }, [
    el('td', { text: formatTime(r.at) }),
    el('td', { class: 'code', text: r.code }),
    el('td', { text: tOr(`reason.${r.reason}`, r.reason) }),
    el('td', { text: r.grade || '\u2014' }),
    el('td', {}, r.hasImage ? [el('button', { class: 'btn btn-small', text: t('rejects.show'), onclick: () => showReject(r.unitId) })] : []),
  ]));
  $('rejects-rows').replaceChildren(...rows);
  $('rejects-empty').hidden = rows.length > 0;
}

function showReject(unitId) {
  loadImage('img-reject', `/rejects/${unitId}/image`);
}

// ---------- anti-counterfeit alerts from the platform (guideline 6.5) ----------

function renderAlertsTab(platform, before) {
  const tab = document.querySelector('.tab[data-view="alerts"]');
  tab.hidden = !(platform && platform.configured);
  const open = platform && typeof platform.scanAlerts === 'number' ? platform.scanAlerts : 0;
  $('alerts-badge').hidden = open === 0;
  $('alerts-badge').textContent = formatNumber(open);
  tab.classList.toggle('attention', open > 0);
  const changed = !before || before.scanAlerts !== open;
  if (state.view === 'alerts' && changed) loadAlerts();
}

async function loadAlerts() {
  const response = await api('GET', '/platform/scan-alerts');
  if (!response.ok) {
    toastError(response);
    return;
  }
  state.alerts = response.data;
  renderAlerts();
}

function renderAlerts() {
  const rows = state.alerts.map((a) => el('tr', { 'data-code': a.code, class: a.acknowledgedBy ? 'acked' : 'open' }, [
    el('td', { text: formatTime(a.lastScanAt) }),
    el('td', { class: 'code', text: a.code }),
    el('td', { text: tOr(`alerts.reason.${a.reason}`, a.reason) }),
    el('td', { text: formatNumber(a.scans) }),
    el('td', { text: a.productId || '\u2014' }),
    el('td', {}, a.acknowledgedBy
      ? [el('span', { class: 'acked-by', text: t('alerts.ackedBy', { who: a.acknowledgedBy, at: formatTime(a.acknowledgedAt) }) })]
      : [el('button', { class: 'btn btn-small btn-ack-alert', text: t('alerts.acknowledge'), onclick: () => acknowledgeAlert(a.code) })]),
  ]));
  $('alerts-rows').replaceChildren(...rows);
  $('alerts-empty').hidden = rows.length > 0;
  const open = state.alerts.filter((a) => !a.acknowledgedBy).length;
  $('alerts-badge').hidden = open === 0;
  $('alerts-badge').textContent = formatNumber(open);
}

async function acknowledgeAlert(code) {
  const response = await api('POST', '/platform/scan-alerts/ack', { code });
  if (!response.ok) {
    toastError(response);
    return;
  }
  toast(t('alerts.acknowledged', { code }));
  loadAlerts();
}

// ---------- admin ----------

async function loadAdmin() {
  const [users, devices] = await Promise.all([api('GET', '/users'), api('GET', '/devices')]);
  if (users.ok) {
    state.users = users.data;
    renderUsers();
  }
  if (devices.ok) {
    $('devices').replaceChildren(...devices.data.map((d) =>
      el('li', { text: `${d.name} \u00b7 ${tOr(`device.${d.kind}`, d.kind)}${d.uri ? ` \u00b7 ${d.uri}` : ''}` })));
  }
}

function renderUsers() {
  $('users-rows').replaceChildren(...state.users.map((u) => el('tr', {}, [
    el('td', { text: u.id }),
    el('td', { text: u.name }),
    el('td', { text: t(`role.${u.role}`) }),
    el('td', { text: u.enabled ? t('common.yes') : t('common.no') }),
    el('td', {}, [
      el('button', { class: 'btn btn-small', text: u.enabled ? t('admin.disable') : t('admin.enable'),
        onclick: () => setEnabled(u.id, !u.enabled) }),
      el('button', { class: 'btn btn-small', text: t('admin.resetPin'), onclick: () => openPin(u.id) }),
    ]),
  ])));
}

async function setEnabled(id, enabled) {
  const response = await api('POST', `/users/${encodeURIComponent(id)}/${enabled ? 'enable' : 'disable'}`);
  if (!response.ok) toastError(response);
  loadAdmin();
}

async function createUser(event) {
  event.preventDefault();
  const form = $('user-form');
  const body = {};
  ['id', 'name', 'role', 'pin'].forEach((n) => { body[n] = form.elements[n].value.trim(); });
  const response = await api('POST', '/users', body);
  if (response.ok) {
    form.reset();
    clearProblems(form);
    toast(t('admin.created', { id: body.id }));
    loadAdmin();
  } else if (response.status === 400 && response.data.problems) {
    showProblems(form, response.data.problems);
  } else {
    toastError(response);
  }
}

function openPin(id) {
  const form = $('pin-form');
  form.reset();
  clearProblems(form);
  form.dataset.user = id;
  $('pin-title').textContent = t('admin.resetPinFor', { id });
  $('pin-dialog').showModal();
}

async function confirmPin() {
  const form = $('pin-form');
  const response = await api('POST', `/users/${encodeURIComponent(form.dataset.user)}/pin`, { pin: form.elements.pin.value });
  if (response.ok) {
    $('pin-dialog').close();
    toast(t('admin.pinReset', { id: form.dataset.user }));
  } else if (response.status === 400 && response.data.problems) {
    showProblems(form, response.data.problems);
  } else {
    toastError(response);
  }
}

// ---------- master data (guideline 5.3.3), for a station without a platform ----------

async function loadMaster() {
  const [producers, products] = await Promise.all([api('GET', '/master/producers'), api('GET', '/master/products')]);
  if (producers.ok) state.producers = producers.data;
  if (products.ok) state.products = products.data;
  if (!producers.ok) toastError(producers);
  renderMaster();
}

function renderMaster() {
  const editButton = (onclick) => el('button', { class: 'btn btn-small', text: t('master.edit'), onclick });
  $('producer-rows').replaceChildren(...state.producers.map((p) => el('tr', {}, [
    el('td', { text: p.id }), el('td', { text: p.name }), el('td', {}, usccCell(p)),
    el('td', {}, [editButton(() => editRecord('producer-form', p, PRODUCER_FIELDS))]),
  ])));
  $('product-rows').replaceChildren(...state.products.map((p) => el('tr', {}, [
    el('td', { text: p.id }), el('td', { text: p.name }), el('td', { text: p.producer }),
    el('td', {}, [editButton(() => editRecord('product-form', p, PRODUCT_FIELDS))]),
  ])));
  if (!state.producers.length) {
    $('producer-rows').replaceChildren(el('tr', {}, [el('td', { colspan: '4', text: t('master.none') })]));
  }
  const select = $('product-form').elements.producer;
  const chosen = select.value;
  select.replaceChildren(...state.producers.map((p) => el('option', { value: p.id, text: `${p.id} \u00b7 ${p.name}` })));
  if (chosen) select.value = chosen;
}

// A USCC whose check character fails is shown with who confirmed it, when, and where (here or on the platform).
function usccCell(producer) {
  const nodes = [document.createTextNode(producer.uscc || '')];
  const c = producer.usccConfirmation;
  if (c) {
    const vars = { who: c.confirmedBy, at: formatTime(c.confirmedAt), where: c.confirmedOn || '' };
    nodes.push(el('span', { class: 'uscc-confirmed',
      text: c.confirmedOn ? t('master.confirmedOnPlatform', vars) : t('master.confirmedHere', vars) }));
  }
  return nodes;
}

function editRecord(formId, record, fields) {
  const form = $(formId);
  clearProblems(form);
  form.elements.id.value = record.id;
  fields.forEach((f) => { form.elements[f].value = record[f] ?? ''; });
}

async function saveRecord(event, formId, kind, fields) {
  event.preventDefault();
  const form = $(formId);
  const id = form.elements.id.value.trim();
  const body = {};
  fields.forEach((f) => { body[f] = form.elements[f].value.trim(); });
  const response = await api('PUT', `/master/${kind}/${encodeURIComponent(id || ' ')}`, body);
  if (response.ok) {
    clearProblems(form);
    $(`${formId.replace('-form', '')}-problem`).replaceChildren();
    toast(t('master.saved', { id }));
    loadMaster();
  } else if (response.status === 400 && response.data.problems) {
    showProblems(form, response.data.problems, $(`${formId.replace('-form', '')}-problem`));
  } else {
    toastError(response);
  }
}

async function confirmUscc() {
  const form = $('producer-form');
  const body = { uscc: form.elements.uscc.value.trim(), confirmedBy: form.elements.confirmedBy.value.trim() };
  const response = await api('POST', '/master/uscc-confirmations', body);
  if (response.ok) {
    clearProblems(form);
    toast(t('master.confirmed', { uscc: body.uscc }));
  } else if (response.status === 400 && response.data.problems) {
    showProblems(form, response.data.problems, $('producer-problem'));
  } else {
    toastError(response);
  }
}

// ---------- language, idle sign-out ----------

async function switchLanguage() {
  await loadLanguage(otherLanguage());
  retranslateKeyboard();
  renderSignin();
  renderWho();
  if (state.status) render(state.status);
  if (state.view === 'job') { fillJobForm(); renderRecipes(); }
  if (state.view === 'rejects') renderRejects();
  if (state.view === 'jobs') renderJobs();
  if (state.view === 'alerts') renderAlerts();
  if (state.view === 'admin') renderUsers();
  if (state.view === 'master') renderMaster();
  retranslateLive(state.status);
  if (state.view === 'trends') loadTrends();
  if (state.view === 'devices') loadDevices();
  if (state.view === 'camera') loadCamera();
}

function activity() {
  state.lastActivity = Date.now();
  if (state.me && Date.now() - state.lastServerTouch > 60000) {
    state.lastServerTouch = Date.now();
    api('GET', '/me');
  }
}

function checkIdle() {
  if (state.me && Date.now() - state.lastActivity > state.me.idleTimeoutSeconds * 1000) {
    signOut(true);
  }
}

// ---------- wiring ----------

function wire() {
  $('keypad').addEventListener('click', (e) => {
    const key = e.target.closest('[data-key]');
    if (key) pressKey(key.dataset.key);
  });
  $('field-user').addEventListener('click', () => { state.signin.field = 'user'; renderSignin(); });
  $('field-pin').addEventListener('click', () => { state.signin.field = 'pin'; renderSignin(); });
  $('signin-submit').addEventListener('click', submitSignin);
  document.addEventListener('keydown', (e) => {
    if ($('signin-view').hidden) return;
    if (/^[0-9]$/.test(e.key)) pressKey(e.key);
    else if (e.key === 'Backspace') pressKey('back');
    else if (e.key === 'Enter') submitSignin();
  });
  document.querySelectorAll('.lang-switch').forEach((b) => b.addEventListener('click', switchLanguage));
  $('signout').addEventListener('click', () => signOut(false));
  document.querySelectorAll('.tab').forEach((tab) => tab.addEventListener('click', () => showView(tab.dataset.view)));
  document.querySelectorAll('[data-cmd]').forEach((b) => b.addEventListener('click', () => command(b.dataset.cmd)));
  $('alarm-ack').addEventListener('click', acknowledgeAlarm);
  $('toast-close').addEventListener('click', () => { $('toast').hidden = true; });
  $('job-validate').addEventListener('click', validateJob);
  $('job-preview').addEventListener('click', previewJob);
  $('job-start').addEventListener('click', startJob);
  $('job-open-resume').addEventListener('click', () => resumeOpenJob($('job-open').dataset.jobId));
  $('job-open-end').addEventListener('click', () => settleBlockingJob('/line/end-batch', 'jobs.ended'));
  $('job-open-suspend').addEventListener('click', () => settleBlockingJob('/line/suspend', 'jobs.suspended'));
  $('job-form').addEventListener('submit', (e) => e.preventDefault());
  $('summary-close').addEventListener('click', () => $('summary-dialog').close());
  $('recipe-save').addEventListener('click', openRecipeSave);
  $('recipe-cancel').addEventListener('click', () => $('recipe-dialog').close());
  $('recipe-confirm').addEventListener('click', confirmRecipeSave);
  $('f-apply').addEventListener('click', loadRejects);
  $('user-form').addEventListener('submit', createUser);
  $('producer-form').addEventListener('submit', (e) => saveRecord(e, 'producer-form', 'producers', PRODUCER_FIELDS));
  $('uscc-confirm').addEventListener('click', confirmUscc);
  $('product-form').addEventListener('submit', (e) => saveRecord(e, 'product-form', 'products', PRODUCT_FIELDS));
  $('void-cancel').addEventListener('click', () => $('void-dialog').close());
  $('void-confirm').addEventListener('click', confirmVoid);
  $('pin-cancel').addEventListener('click', () => $('pin-dialog').close());
  $('pin-confirm').addEventListener('click', confirmPin);
  const ui = { toast, toastError, me: () => state.me, options: () => state.options, status: () => state.status };
  wireTrends(ui);
  wireDevices(ui);
  wireCamera(ui);
  ['pointerdown', 'keydown'].forEach((type) => document.addEventListener(type, activity, { passive: true }));
  setInterval(checkIdle, 5000);
  whenSignedOut((data) => {
    if (state.me) showSignin(data && data.key === 'session.expired' ? t('signin.idle') : '');
  });
}

async function main() {
  await loadLanguage(initialLanguage());
  translate(document);
  installKeyboard();
  wire();
  renderSignin();
  const me = await api('GET', '/me');
  if (me.ok) await enterApp(me.data);
  document.body.dataset.ready = 'true';
}

main();
