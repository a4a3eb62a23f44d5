/*
 * Cockpit dashboard plugin "Statutory timescales".
 *
 * A plain ES module loaded by Cockpit through scripts/config.js (customScripts): no build step, no
 * external libraries. It reads the application's own API with the Cockpit session (same origin):
 *   GET /api/performance/indicators?from&to&level=city   statutory indicators against target (RAG)
 *   GET /api/performance/trend?months=12                 month-by-month percentages per indicator
 *   GET /api/escalations?status=open                     open statutory breaches (grouped by team)
 * City-wide indicators fall back to level=team for a user refused the city (403: team managers).
 * Each panel loads on its own; a panel whose endpoint is missing or refuses says it is not
 * available instead of failing the dashboard. Data is always written as text (never as HTML).
 */

const PLUGIN_ID = 'csc-statutory-timescales';
const SVG_NS = 'http://www.w3.org/2000/svg';

/* Status is told in words and a symbol as well as colour. */
const STATUS = {
  GREEN: { word: 'Green', meaning: 'on target', symbol: '\u2713', cls: 'green' },
  AMBER: { word: 'Amber', meaning: 'close to target', symbol: '!', cls: 'amber' },
  RED: { word: 'Red', meaning: 'off target', symbol: '\u2715', cls: 'red' },
  NO_DATA: { word: 'No data', meaning: 'nothing to measure yet', symbol: '\u2013', cls: 'none' },
};

/* Okabe-Ito colours (distinguishable with colour-blindness), each line also gets its own marker. */
const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#999933'];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const CSS = `
.csc-st { font-size: 14px; line-height: 1.45; color: #222; padding: 4px 0 12px; }
.csc-st * { box-sizing: border-box; }
.csc-st h2.csc-st__title { font-size: 20px; margin: 0 0 4px; font-weight: 600; }
.csc-st .csc-st__intro { margin: 0 0 12px; color: #444; }
.csc-st .csc-st__panels { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; }
@media (max-width: 1100px) { .csc-st .csc-st__panels { grid-template-columns: minmax(0, 1fr); } }
.csc-st .csc-st__panel { border: 1px solid #c9cdd2; border-radius: 4px; padding: 12px 14px; background: #fff; min-width: 0; }
.csc-st .csc-st__panel--wide { grid-column: 1 / -1; }
.csc-st h3.csc-st__panel-title { font-size: 16px; font-weight: 600; margin: 0 0 8px; }
.csc-st h4.csc-st__team-title { font-size: 15px; font-weight: 600; margin: 14px 0 6px; }
.csc-st .csc-st__toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 0 0 8px; }
.csc-st .csc-st__toolbar label { font-weight: normal; margin: 0; }
.csc-st .csc-st__toolbar select { padding: 2px 4px; border: 1px solid #8a8f96; border-radius: 3px; background: #fff; }
.csc-st .csc-st__message { margin: 4px 0; padding: 8px 10px; border-left: 4px solid #8a8f96; background: #f4f5f6; }
.csc-st .csc-st__message--unavailable { border-left-color: #7a4b00; background: #fff8e6; }
.csc-st .csc-st__table-wrap { overflow-x: auto; }
.csc-st table.csc-st__table { width: 100%; border-collapse: collapse; margin: 0 0 4px; }
.csc-st .csc-st__table caption { text-align: left; color: #444; padding: 0 0 6px; caption-side: top; }
.csc-st .csc-st__table th, .csc-st .csc-st__table td { padding: 5px 8px; border-bottom: 1px solid #e1e4e8; text-align: left; vertical-align: top; }
.csc-st .csc-st__table thead th { border-bottom: 2px solid #8a8f96; font-weight: 600; white-space: nowrap; }
.csc-st .csc-st__table tbody th { font-weight: normal; }
.csc-st .csc-st__num { text-align: right !important; font-variant-numeric: tabular-nums; white-space: nowrap; }
.csc-st .csc-st__code { font-weight: 600; margin-right: 6px; }
.csc-st .csc-st__sub { color: #555; font-size: 12px; }
.csc-st .csc-st__badge { display: inline-block; white-space: nowrap; padding: 1px 8px; border-radius: 10px; border: 1px solid; font-size: 12px; font-weight: 600; }
.csc-st .csc-st__badge--green { background: #e6f4ea; color: #14532d; border-color: #2e7d32; }
.csc-st .csc-st__badge--amber { background: #fff4d6; color: #6b4100; border-color: #b26a00; }
.csc-st .csc-st__badge--red { background: #fde8e8; color: #8b1a1a; border-color: #c62828; }
.csc-st .csc-st__badge--none { background: #f1f2f3; color: #3d4247; border-color: #8a8f96; }
.csc-st .csc-st__badge-symbol { margin-right: 4px; }
.csc-st figure { margin: 0; }
.csc-st figcaption { color: #444; margin: 0 0 6px; }
.csc-st svg.csc-st__chart { width: 100%; height: auto; max-height: 320px; display: block; }
.csc-st .csc-st__smalls { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px; }
.csc-st figure.csc-st__small { margin: 0; border: 1px solid #e1e4e8; padding: 6px; }
.csc-st .csc-st__chart text { font-size: 13px; fill: #3d4247; }
.csc-st .csc-st__chart--small text { font-size: 10px; }
.csc-st .csc-st__legend { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
.csc-st .csc-st__legend li { display: flex; align-items: center; gap: 6px; }
.csc-st details { margin-top: 8px; }
.csc-st summary { cursor: pointer; color: #155cb5; }
.csc-st .csc-st__counts { list-style: none; padding: 0; margin: 0 0 4px; display: flex; flex-wrap: wrap; gap: 6px 18px; }
.csc-st .csc-st__counts strong { font-variant-numeric: tabular-nums; }
.csc-st a { color: #155cb5; text-decoration: underline; }
.csc-st a:focus, .csc-st select:focus, .csc-st summary:focus { outline: 2px solid #155cb5; outline-offset: 2px; }
.csc-st .csc-st__sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
`;

/* ---------------------------------------------------------------- small DOM helpers */

let idCounter = 0;
const uid = (name) => `${PLUGIN_ID}-${name}-${++idCounter}`;

function h(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

function s(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function fill(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.setAttribute('class', value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/* ---------------------------------------------------------------- formatting */

const pad = (n) => String(n).padStart(2, '0');
const isoDate = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** 1 April of the reporting year that contains {@code today}. */
function reportingYearStart(today) {
  const year = today.getMonth() >= 3 ? today.getFullYear() : today.getFullYear() - 1;
  return new Date(year, 3, 1);
}

function twelveMonthsAgo(today) {
  return new Date(today.getFullYear() - 1, today.getMonth(), today.getDate());
}

/** "2026-11-13" (or an ISO instant) to "13 Nov 2026", without time-zone shifts for plain dates. */
function formatDate(value) {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value));
  if (!m) return String(value);
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

function formatInstant(value) {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "2025-12" to "Dec 2025" (long) or "Dec 25" (short). */
function formatMonth(value, short) {
  const m = /^(\d{4})-(\d{2})/.exec(String(value));
  if (!m) return String(value);
  return `${MONTHS[Number(m[2]) - 1]} ${short ? m[1].slice(2) : m[1]}`;
}

const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);
const formatPercent = (v) => (isNumber(v) ? `${v.toFixed(1)}%` : '\u2013');

/** REFERRAL_DECISION to "Referral decision". */
function humanise(code) {
  if (!code) return '';
  const text = String(code).replace(/[_-]+/g, ' ').toLowerCase().trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** team-north to "Team North". */
function teamLabel(team) {
  if (!team) return 'No team recorded';
  return String(team).split(/[-_ ]+/).filter(Boolean).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

function daysOverdue(dueOn, today) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(dueOn || ''));
  if (!m) return null;
  const due = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((now - due) / 86400000);
}

/* ---------------------------------------------------------------- fetching */

class Unavailable extends Error {
  constructor(reason, status) {
    super(reason);
    this.status = status;
  }
}

/** Context root of the application: Cockpit's <base app-root> is "<context path>/camunda". */
function apiRoot() {
  const base = document.querySelector('base[app-root]');
  const appRoot = (base && base.getAttribute('app-root')) || '';
  return `${appRoot.replace(/\/camunda\/?$/, '')}/api`;
}

async function getJson(path, signal) {
  let response;
  try {
    response = await fetch(apiRoot() + path, {
      method: 'GET',
      credentials: 'same-origin',
      signal,
      // X-Requested-With: a 401 then carries no Basic challenge, so the browser shows no login dialog.
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
    });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new Unavailable('the server could not be reached', 0);
  }
  if (!response.ok) {
    const status = response.status;
    let reason;
    if (status === 404 || status === 405 || status === 501) reason = 'this server does not provide it yet';
    else if (status === 401) reason = 'your session has ended: sign in again';
    else if (status === 403) reason = 'you are not authorised to see it';
    else if (status >= 500) reason = 'the server could not produce it';
    else reason = 'the server refused the request';
    throw new Unavailable(`${reason} (HTTP ${status})`, status);
  }
  try {
    return await response.json();
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new Unavailable('the server answered in an unexpected format', response.status);
  }
}

/* ---------------------------------------------------------------- panels */

function panel(key, title, wide) {
  const headingId = uid(key);
  const body = h('div', { class: 'csc-st__panel-body', 'aria-live': 'polite' });
  const section = h('section', {
    class: `csc-st__panel${wide ? ' csc-st__panel--wide' : ''}`,
    'data-panel': key,
    'data-state': 'loading',
    'aria-labelledby': headingId,
    'aria-busy': 'true',
  }, h('h3', { class: 'csc-st__panel-title', id: headingId }, title), body);
  return { key, title, section, body };
}

function setState(p, state, ...content) {
  p.section.setAttribute('data-state', state);
  p.section.setAttribute('aria-busy', state === 'loading' ? 'true' : 'false');
  p.body.replaceChildren(...content.flat());
}

function message(text, kind) {
  return h('p', { class: `csc-st__message${kind ? ` csc-st__message--${kind}` : ''}`, role: kind === 'unavailable' ? 'status' : null }, text);
}

/**
 * Loads a panel from the first of {@code paths} the user may see: a path answered 403 (not for this
 * user) falls back to the next one, e.g. city-wide figures to the user's own teams.
 */
async function load(p, paths, signal, render, subject) {
  // A newer load of the same panel (another period) wins over an older one still in flight.
  const seq = (p.seq = (p.seq || 0) + 1);
  const current = () => !signal.aborted && seq === p.seq;
  const candidates = Array.isArray(paths) ? paths : [paths];
  setState(p, 'loading', message(`Loading ${subject}\u2026`));
  try {
    let data;
    for (let i = 0; ; i += 1) {
      try {
        data = await getJson(candidates[i], signal);
        break;
      } catch (e) {
        if (!(e instanceof Unavailable && e.status === 403 && i < candidates.length - 1)) throw e;
      }
    }
    if (!current()) return;
    render(data);
  } catch (e) {
    if (!current() || (e && e.name === 'AbortError')) return;
    const reason = e instanceof Unavailable ? e.message : 'it could not be shown';
    if (!(e instanceof Unavailable)) console.error(`[${PLUGIN_ID}] ${p.key}:`, e);
    setState(p, 'unavailable', message(`${p.title} not available: ${reason}.`, 'unavailable'));
  }
}

function badge(status) {
  const known = STATUS[status] || STATUS.NO_DATA;
  return h('span', { class: `csc-st__badge csc-st__badge--${known.cls}`, 'data-status': status || 'NO_DATA' },
    h('span', { class: 'csc-st__badge-symbol', 'aria-hidden': 'true' }, known.symbol),
    known.word,
    h('span', { class: 'csc-st__sr' }, `: ${known.meaning}`));
}

/* --- indicators table */

function renderIndicators(p, data, period) {
  const rows = data && Array.isArray(data.rows) ? data.rows : null;
  if (!rows) {
    setState(p, 'unavailable', message(`${p.title} not available: the server answered in an unexpected format.`, 'unavailable'));
    return;
  }
  if (rows.length === 0) {
    setState(p, 'empty', message(`No indicators for ${period}.`));
    return;
  }
  const level = String(data.level || 'city').toLowerCase();
  const byGroup = level !== 'city';
  const scope = level === 'city' ? 'city-wide' : `by ${level} (the ${level}s you manage)`;
  const table = h('table', { class: 'csc-st__table', 'data-table': 'indicators', 'data-level': level },
    h('caption', null, `Statutory indicators, ${scope}, ${formatDate(data.from)} to ${formatDate(data.to)}`),
    h('thead', null, h('tr', null,
      byGroup ? h('th', { scope: 'col' }, level === 'team' ? 'Team' : humanise(level)) : null,
      h('th', { scope: 'col' }, 'Indicator'),
      h('th', { scope: 'col', class: 'csc-st__num' }, 'Result'),
      h('th', { scope: 'col', class: 'csc-st__num' }, 'Cases'),
      h('th', { scope: 'col', class: 'csc-st__num' }, 'Target'),
      h('th', { scope: 'col' }, 'Status'))),
    h('tbody', null, rows.map((row) => {
      const target = isNumber(row.target)
        ? `${row.higherIsBetter === false ? 'at most' : 'at least'} ${formatPercent(row.target)}`
        : 'none set';
      const cases = isNumber(row.denominator) ? `${isNumber(row.numerator) ? row.numerator : 0} of ${row.denominator}` : '\u2013';
      return h('tr', { 'data-code': row.code || '', 'data-group': row.group || '' },
        byGroup ? h('td', null, level === 'team' ? teamLabel(row.group) : row.group || '') : null,
        h('th', { scope: 'row' }, h('span', { class: 'csc-st__code' }, row.code || ''), row.name || ''),
        h('td', { class: 'csc-st__num' }, formatPercent(row.percent)),
        h('td', { class: 'csc-st__num' }, cases),
        h('td', { class: 'csc-st__num' }, target),
        h('td', null, badge(row.status)));
    })));
  setState(p, 'ready', h('div', { class: 'csc-st__table-wrap' }, table));
}

/* --- trend chart (inline SVG) */

function marker(shape, x, y, colour, label) {
  const r = 3.5;
  const common = { fill: colour, stroke: '#fff', 'stroke-width': 1 };
  let el;
  switch (shape) {
    case 'square': el = s('rect', { ...common, x: x - r, y: y - r, width: 2 * r, height: 2 * r }); break;
    case 'triangle': el = s('polygon', { ...common, points: `${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}` }); break;
    case 'triangle-down': el = s('polygon', { ...common, points: `${x},${y + r + 1} ${x + r + 1},${y - r} ${x - r - 1},${y - r}` }); break;
    case 'diamond': el = s('polygon', { ...common, points: `${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}` }); break;
    case 'cross': el = s('path', { d: `M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`, stroke: colour, 'stroke-width': 2.5 }); break;
    default: el = s('circle', { ...common, cx: x, cy: y, r });
  }
  if (label) el.append(s('title', null, label));
  return el;
}

function renderTrend(p, data) {
  const months = data && Array.isArray(data.months) ? data.months : null;
  const all = data && Array.isArray(data.series) ? data.series : null;
  if (!months || !all) {
    setState(p, 'unavailable', message(`${p.title} not available: the server answered in an unexpected format.`, 'unavailable'));
    return;
  }
  // Only indicators with at least one monthly figure get a line; the others are listed by name.
  const series = all.filter((one) => Array.isArray(one.percent) && one.percent.some(isNumber));
  const withoutFigures = all.filter((one) => !series.includes(one));
  if (months.length === 0 || series.length === 0) {
    setState(p, 'empty', message(`No monthly figures yet for the last ${months.length || 12} months.`));
    return;
  }

  // One small chart per indicator (small multiples): each readable at a glance, on one 0-100% scale.
  const width = 240;
  const height = 120;
  const m = { top: 10, right: 10, bottom: 22, left: 30 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const x = (i) => m.left + (months.length === 1 ? plotW / 2 : (plotW * i) / (months.length - 1));
  const y = (v) => m.top + plotH - (plotH * Math.max(0, Math.min(100, v))) / 100;

  const charts = series.map((one, index) => {
    const colour = SERIES_COLOURS[index % SERIES_COLOURS.length];
    const titleId = uid('trend-title');
    const values = Array.isArray(one.percent) ? one.percent : [];
    const last = [...values].reverse().find(isNumber);
    const svg = s('svg', {
      class: 'csc-st__chart csc-st__chart--small', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': titleId,
      preserveAspectRatio: 'xMidYMid meet', 'data-code': one.code || '',
    }, s('title', { id: titleId }, `${one.code} ${one.name || ''}: percentage by month from ${formatMonth(months[0])} to ${formatMonth(months[months.length - 1])}`
        + (isNumber(one.target) ? `; target ${formatPercent(one.target)}` : '')));
    for (const v of [0, 50, 100]) {
      svg.append(s('line', { x1: m.left, x2: width - m.right, y1: y(v), y2: y(v), stroke: v === 0 ? '#8a8f96' : '#e1e4e8', 'stroke-width': 1 }));
      svg.append(s('text', { x: m.left - 4, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 10 }, `${v}%`));
    }
    svg.append(s('text', { x: x(0), y: height - 6, 'text-anchor': 'start', 'font-size': 10 }, formatMonth(months[0], true)));
    svg.append(s('text', { x: x(months.length - 1), y: height - 6, 'text-anchor': 'end', 'font-size': 10 }, formatMonth(months[months.length - 1], true)));
    if (isNumber(one.target)) {
      svg.append(s('line', { x1: m.left, x2: width - m.right, y1: y(one.target), y2: y(one.target), stroke: '#444', 'stroke-width': 1, 'stroke-dasharray': '4 3' },
        s('title', null, `target ${formatPercent(one.target)}`)));
    }
    // One path per run of consecutive months with a figure: a month without one leaves a gap.
    let d = '';
    let pen = false;
    months.forEach((month, i) => {
      const v = values[i];
      if (isNumber(v)) {
        d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
        pen = true;
      } else {
        pen = false;
      }
    });
    if (d) svg.append(s('path', { d, fill: 'none', stroke: colour, 'stroke-width': 2, 'stroke-linejoin': 'round' }));
    months.forEach((month, i) => {
      if (isNumber(values[i])) svg.append(marker('circle', x(i), y(values[i]), colour, `${formatMonth(month)}: ${formatPercent(values[i])}`));
    });
    return h('figure', { class: 'csc-st__small', 'data-code': one.code || '' },
      h('figcaption', null, h('span', { class: 'csc-st__code' }, one.code || ''), one.name || '',
        h('div', { class: 'csc-st__sub' }, `latest ${formatPercent(last)}`, isNumber(one.target) ? ` · target ${formatPercent(one.target)}` : '')),
      svg);
  });

  const table = h('table', { class: 'csc-st__table', 'data-table': 'trend' },
    h('caption', null, 'Percentage achieved by month'),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Month'),
      series.map((one) => h('th', { scope: 'col', class: 'csc-st__num', title: one.name || '' }, one.code || '')))),
    h('tbody', null, months.map((month, i) => h('tr', null,
      h('th', { scope: 'row' }, formatMonth(month)),
      series.map((one) => h('td', { class: 'csc-st__num' }, formatPercent((one.percent || [])[i])))))));

  const noFigures = withoutFigures.length
    ? h('p', { class: 'csc-st__sub' }, `No monthly figures yet for: ${withoutFigures.map((one) => one.code).join(', ')}.`)
    : null;
  setState(p, 'ready', h('div', null,
    h('p', { class: 'csc-st__sub' }, `Last ${months.length} months, one chart per indicator; the dashed line is the target.`),
    h('div', { class: 'csc-st__smalls' }, charts), noFigures,
    h('details', null, h('summary', null, 'Show the figures as a table'), h('div', { class: 'csc-st__table-wrap' }, table))));
}

/* --- open breaches by team */

function renderBreaches(p, data, today) {
  if (!Array.isArray(data)) {
    setState(p, 'unavailable', message(`${p.title} not available: the server answered in an unexpected format.`, 'unavailable'));
    return;
  }
  if (data.length === 0) {
    setState(p, 'empty', message('No open breaches of statutory timescales.'));
    return;
  }
  const byTeam = new Map();
  for (const breach of data) {
    const team = breach.team || '';
    if (!byTeam.has(team)) byTeam.set(team, []);
    byTeam.get(team).push(breach);
  }
  const teams = [...byTeam.keys()].sort((a, b) => byTeam.get(b).length - byTeam.get(a).length || a.localeCompare(b));
  const plural = (n) => `${n} open breach${n === 1 ? '' : 'es'}`;

  const counts = h('ul', { class: 'csc-st__counts', 'aria-label': 'Open breaches per team' },
    teams.map((team) => h('li', { 'data-team': team }, `${teamLabel(team)}: `, h('strong', null, plural(byTeam.get(team).length)))));

  const sections = teams.map((team) => {
    const headingId = uid('team');
    const breaches = byTeam.get(team).slice().sort((a, b) => String(a.dueOn || '').localeCompare(String(b.dueOn || '')));
    return h('section', { 'aria-labelledby': headingId, 'data-team': team },
      h('h4', { class: 'csc-st__team-title', id: headingId }, `${teamLabel(team)} (${plural(breaches.length)})`),
      h('div', { class: 'csc-st__table-wrap' }, h('table', { class: 'csc-st__table', 'data-table': 'breaches' },
        h('caption', { class: 'csc-st__sr' }, `Open breaches for ${teamLabel(team)}`),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, 'Case'),
          h('th', { scope: 'col' }, 'Timescale'),
          h('th', { scope: 'col' }, 'Escalated to'),
          h('th', { scope: 'col' }, 'Due'),
          h('th', { scope: 'col', class: 'csc-st__num' }, 'Days overdue'),
          h('th', { scope: 'col' }, 'Raised'),
          h('th', { scope: 'col' }, 'Process instance'))),
        h('tbody', null, breaches.map((breach) => {
          const over = daysOverdue(breach.dueOn, today);
          const link = breach.processInstanceId
            ? h('a', {
              href: `#/process-instance/${encodeURIComponent(breach.processInstanceId)}/runtime`,
              'aria-label': `Open the process instance of case ${breach.caseRef || ''} in Cockpit`,
            }, 'Open in Cockpit')
            : h('span', { class: 'csc-st__sub' }, 'not linked');
          const child = breach.childName || `case ${breach.caseRef || ''}`;
          const caseFile = breach.caseRef
            ? h('a', {
              class: 'csc-st__case-file',
              href: `../../tasklist/default/#/?case=${encodeURIComponent(breach.caseRef)}`,
              'aria-label': `Open the case file of ${child}`,
            }, child)
            : child;
          return h('tr', { 'data-breach-id': breach.id },
            h('th', { scope: 'row' }, caseFile, h('div', { class: 'csc-st__sub' }, breach.caseRef || '')),
            h('td', null, humanise(breach.rule)),
            h('td', null, humanise(breach.level), breach.notified ? h('div', { class: 'csc-st__sub' }, breach.notified) : null),
            h('td', null, formatDate(breach.dueOn)),
            h('td', { class: 'csc-st__num' }, over === null ? '\u2013' : String(Math.max(0, over))),
            h('td', null, formatInstant(breach.raisedAt)),
            h('td', null, link));
        })))));
  });
  setState(p, 'ready', counts, sections,
    h('p', { class: 'csc-st__sub' }, 'Days overdue are calendar days since the due date. The child\'s name opens the case file in Tasklist; the last column opens the process instance in Cockpit.'));
}

/* --- caseloads of the teams the user manages */

/**
 * The teams come from the indicators by team (a team manager's own teams; every team for the
 * city-wide managers); each team's workers from /api/teams/{team}/workers, as allocation shows them.
 */
async function loadCaseloads(p, signal, from, to) {
  setState(p, 'loading', message('Loading caseloads\u2026'));
  try {
    const byTeam = await getJson(`/performance/indicators?${new URLSearchParams({ from, to, level: 'team' })}`, signal);
    const teams = [...new Set((byTeam && Array.isArray(byTeam.rows) ? byTeam.rows : []).map((row) => row.group).filter(Boolean))].sort();
    const loads = [];
    for (const team of teams) {
      try {
        loads.push({ team, workers: await getJson(`/teams/${encodeURIComponent(team)}/workers`, signal) });
      } catch (e) {
        if (e && e.name === 'AbortError') return;
      }
    }
    if (signal.aborted) return;
    if (!loads.length) {
      setState(p, 'empty', message('No team caseloads to show.'));
      return;
    }
    setState(p, 'ready', loads.map(({ team, workers }) => h('section', { 'data-team': team },
      h('h4', { class: 'csc-st__team-title' }, teamLabel(team)),
      h('div', { class: 'csc-st__table-wrap' }, h('table', { class: 'csc-st__table', 'data-table': 'caseloads' },
        h('caption', { class: 'csc-st__sr' }, `Caseloads of ${teamLabel(team)}`),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Social worker'), h('th', { scope: 'col', class: 'csc-st__num' }, 'Open cases'),
          h('th', { scope: 'col' }, 'Nearest deadline'))),
        h('tbody', null, (Array.isArray(workers) ? workers : []).map((w) => {
          const next = w.nearestDeadline;
          const when = next ? `${formatDate(next.dueOn)} (${next.overdue ? `overdue by ${Math.abs(next.workingDaysLeft)} working days` : `${next.workingDaysLeft} working days left`})` : 'None open';
          return h('tr', { 'data-worker': w.userId },
            h('th', { scope: 'row' }, w.name || w.userId),
            h('td', { class: 'csc-st__num' }, String(w.openCases)),
            h('td', null, next ? h('span', null, next.rule && next.rule.label ? `${next.rule.label}: ` : '', when) : when));
        })))))));
  } catch (e) {
    if (e && e.name === 'AbortError') return;
    setState(p, 'unavailable', message(`Caseloads not available: ${e.message || e}.`, 'unavailable'));
  }
}

/* ---------------------------------------------------------------- plugin */

let controller = null;

function render(node) {
  if (controller) controller.abort();
  controller = new AbortController();
  const { signal } = controller;
  const today = new Date();

  const titleId = uid('title');
  const indicators = panel('indicators', 'Indicators against target');
  const trend = panel('trend', 'Trend by month');
  const breaches = panel('breaches', 'Open breaches by team', true);
  const caseloads = panel('caseloads', 'Caseloads of your teams', true);

  const periodSelectId = uid('period');
  const periods = {
    year: { from: reportingYearStart(today), text: 'the reporting year to date' },
    twelve: { from: twelveMonthsAgo(today), text: 'the last 12 months' },
  };
  const loadIndicators = (key) => {
    const period = periods[key] || periods.year;
    // City-wide first; a team manager, refused the city (403), sees their own teams.
    const query = (level) => new URLSearchParams({ from: isoDate(period.from), to: isoDate(today), level });
    load(indicators, [`/performance/indicators?${query('city')}`, `/performance/indicators?${query('team')}`], signal,
      (data) => renderIndicators(indicators, data, period.text), 'indicators');
  };
  const periodSelect = h('select', { id: periodSelectId, onchange: (e) => loadIndicators(e.target.value) },
    h('option', { value: 'year', selected: true }, `Reporting year to date (from ${formatDate(isoDate(periods.year.from))})`),
    h('option', { value: 'twelve' }, `Last 12 months (from ${formatDate(isoDate(periods.twelve.from))})`));
  indicators.section.insertBefore(
    h('div', { class: 'csc-st__toolbar' }, h('label', { for: periodSelectId }, 'Period'), periodSelect),
    indicators.body);

  const root = h('section', { class: 'csc-st', id: PLUGIN_ID, 'aria-labelledby': titleId },
    h('style', null, CSS),
    h('h2', { class: 'csc-st__title', id: titleId }, 'Statutory timescales'),
    h('p', { class: 'csc-st__intro' }, 'Statutory indicators against target (city-wide, or for the teams you manage), their monthly trend, open breaches by team, and your teams\' caseloads.'),
    h('div', { class: 'csc-st__panels' }, indicators.section, trend.section, breaches.section, caseloads.section));
  node.replaceChildren(root);

  loadIndicators('year');
  load(trend, '/performance/trend?months=12', signal, (data) => renderTrend(trend, data), 'the monthly trend');
  load(breaches, '/escalations?status=open', signal, (data) => renderBreaches(breaches, data, today), 'open breaches');
  loadCaseloads(caseloads, signal, isoDate(reportingYearStart(today)), isoDate(today));
}

export default {
  id: PLUGIN_ID,
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  properties: { label: 'Statutory timescales' },
  render(node) {
    render(node);
  },
  unmount() {
    if (controller) controller.abort();
    controller = null;
  },
};
