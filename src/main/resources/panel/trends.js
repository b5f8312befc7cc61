// Trends over the shift: rate, yield and reject causes per minute from GET /trends, drawn with uPlot
// (MIT, served from its webjar in the station's jar: no CDN). The charts draw on canvas; every word
// around them comes from the bundles.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { api } from './api.js';
import { formatNumber, t, tOr } from './i18n.js';

const $ = (id) => document.getElementById(id);
const REASON_COLOURS = ['#ff6b6b', '#ffb84d', '#c792ea', '#4dd0e1', '#f06292', '#aed581'];
let ui = null;
let hours = 8;
let charts = [];
let timer = null;

function axes(unit) {
  const grid = { stroke: '#2c3440', width: 1 };
  const style = { stroke: '#9aa7b8', grid, ticks: grid, font: '14px sans-serif' };
  return [
    { ...style, values: (u, ticks) => ticks.map((s) => new Date(s * 1000).toTimeString().substring(0, 5)) },
    { ...style, size: 56, values: (u, ticks) => ticks.map((v) => `${formatNumber(v)}${unit}`) },
  ];
}

function chart(target, series, data, unit, range) {
  const box = $(target);
  box.replaceChildren();
  const width = Math.max(200, box.clientWidth);
  const height = Math.max(80, box.clientHeight);
  return new uPlot({
    width,
    height,
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: true }, y: range ? { range } : { auto: true } },
    axes: axes(unit),
    series: [{}, ...series],
  }, data, box);
}

function draw(trend) {
  charts.forEach((c) => c.destroy());
  const rows = trend.minutes;
  const x = rows.map((r) => r.t);
  const reasons = trend.reasons;
  charts = [
    chart('trend-rate', [{ stroke: '#4da3ff', width: 2, fill: 'rgba(77,163,255,0.15)' }], [x, rows.map((r) => r.rate)], '', null),
    // a minute without verdicts has no yield: a gap, and a lone minute shows as a point
    chart('trend-yield', [{ stroke: '#5cd68a', width: 2, spanGaps: false, points: { show: true, size: 5 } }],
      [x, rows.map((r) => r.yield)], '%', [0, 100]),
    // all rejects (red, filled), then one line per cause
    chart('trend-reasons', [{ stroke: '#e5484d', width: 2, fill: 'rgba(229,72,77,0.12)' },
      ...reasons.map((reason, i) => ({ stroke: REASON_COLOURS[(i + 1) % REASON_COLOURS.length], width: 2 }))],
    [x, rows.map((r) => r.rejected), ...reasons.map((reason) => rows.map((r) => r.reasons[reason] || 0))], '', null),
  ];
  const empty = trend.verified + trend.rejected === 0;
  $('trends-empty').hidden = !empty;
  $('trends-summary').textContent = t('trends.summary', {
    verified: formatNumber(trend.verified),
    rejected: formatNumber(trend.rejected),
    yield: trend.yield === null ? '\u2014' : formatNumber(trend.yield, 1),
  });
  // each cause in the colour of its line (the chart has no legend: this is it)
  $('trends-causes').replaceChildren(...reasons.map((r, i) => {
    const span = document.createElement('span');
    span.className = 'trend-cause';
    span.style.color = REASON_COLOURS[(i + 1) % REASON_COLOURS.length];
    span.textContent = `${tOr(`reason.${r}`, r)} ${formatNumber(rows.reduce((n, m) => n + (m.reasons[r] || 0), 0))}`;
    return span;
  }));
  document.querySelectorAll('#trends-summary, #view-trends').forEach((n) => { n.dataset.points = String(rows.length); });
  $('view-trends').dataset.drawn = 'true';
}

/** Loads and draws the trends; refreshes every 30 s while the tab is shown. */
export async function loadTrends() {
  clearTimeout(timer);
  const response = await api('GET', `/trends?hours=${hours}`);
  if (!response.ok) {
    if (ui) ui.toastError(response);
    return;
  }
  if ($('view-trends').hidden) return;
  draw(response.data);
  timer = setTimeout(() => { if (!$('view-trends').hidden) loadTrends(); }, 30000);
}

export function wireTrends(context) {
  ui = context;
  document.querySelectorAll('.trends-hours').forEach((b) => b.addEventListener('click', () => {
    hours = Number(b.dataset.hours);
    document.querySelectorAll('.trends-hours').forEach((o) => o.classList.toggle('active', o === b));
    loadTrends();
  }));
}
