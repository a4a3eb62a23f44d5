/*
 * Cockpit dashboard plugin "Statutory returns".
 *
 * A plain ES module loaded by Cockpit through scripts/config.js (customScripts), like the statutory
 * timescales plugin. A performance officer (or a service manager) picks a collection year or an
 * 'as at' date, checks a return and reads its error list, then downloads the return:
 *   GET /api/returns/ssda903/validation?year=     GET /api/returns/ssda903?year=      (zip of CSV tables)
 *   GET /api/returns/cin-census/validation?year=  GET /api/returns/cin-census?year=   (XML)
 *   GET /api/returns/annex-a/validation?asAt=     GET /api/returns/annex-a?asAt=      (xlsx)
 * Everything is written as text (never as HTML). Other users see that the page is not for them.
 */

const PLUGIN_ID = 'csc-statutory-returns';

const CSS = `
.csc-sr { font-size: 14px; line-height: 1.45; color: #222; padding: 4px 0 12px; }
.csc-sr h2 { font-size: 20px; margin: 0 0 4px; font-weight: 600; }
.csc-sr .csc-sr__toolbar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; margin: 8px 0 12px; }
.csc-sr label { display: block; font-weight: normal; margin: 0 0 2px; }
.csc-sr select, .csc-sr input { padding: 2px 4px; border: 1px solid #8a8f96; border-radius: 3px; background: #fff; }
.csc-sr button { padding: 3px 10px; border: 1px solid #155cb5; border-radius: 3px; background: #155cb5; color: #fff; }
.csc-sr button.csc-sr__secondary { background: #fff; color: #155cb5; }
.csc-sr button:focus, .csc-sr select:focus, .csc-sr input:focus { outline: 2px solid #155cb5; outline-offset: 2px; }
.csc-sr .csc-sr__message { margin: 4px 0; padding: 8px 10px; border-left: 4px solid #8a8f96; background: #f4f5f6; }
.csc-sr .csc-sr__message--bad { border-left-color: #c62828; background: #fde8e8; }
.csc-sr .csc-sr__message--good { border-left-color: #2e7d32; background: #e6f4ea; }
.csc-sr table { width: 100%; border-collapse: collapse; margin: 8px 0; }
.csc-sr th, .csc-sr td { padding: 4px 8px; border-bottom: 1px solid #e1e4e8; text-align: left; vertical-align: top; }
.csc-sr thead th { border-bottom: 2px solid #8a8f96; font-weight: 600; }
`;

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function apiRoot() {
  const base = document.querySelector('base[app-root]');
  const appRoot = (base && base.getAttribute('app-root')) || '';
  return `${appRoot.replace(/\/camunda\/?$/, '')}/api`;
}

async function get(path, accept) {
  const response = await fetch(apiRoot() + path, {
    credentials: 'same-origin',
    headers: { Accept: accept, 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    let reason = `HTTP ${response.status}`;
    try {
      const body = await response.json();
      reason = body.message || (body.problems || []).map((p) => `${p.field}: ${p.reason}`).join('; ') || reason;
    } catch (e) { /* not JSON */ }
    if (response.status === 403) reason = 'the statutory returns are for the performance team and service managers';
    throw new Error(reason);
  }
  return response;
}

const pad = (n) => String(n).padStart(2, '0');
const isoDate = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

function render(node) {
  const today = new Date();
  const current = today.getMonth() >= 3 ? today.getFullYear() : today.getFullYear() - 1;
  const year = h('select', { id: `${PLUGIN_ID}-year` },
    [0, 1, 2].map((back) => h('option', { value: current - back }, `${current - back}-${pad((current - back + 1) % 100)}`)));
  const asAt = h('input', { id: `${PLUGIN_ID}-asat`, type: 'date', value: isoDate(today), max: isoDate(today) });
  const lookBack = h('input', { id: `${PLUGIN_ID}-lookback`, type: 'number', min: 1, max: 24, value: 6, style: 'width: 5em' });
  const result = h('div', { 'aria-live': 'polite' });

  const query = (kind) => (kind === 'annex-a'
    ? `asAt=${encodeURIComponent(asAt.value)}&lookBackMonths=${encodeURIComponent(lookBack.value)}`
    : `year=${encodeURIComponent(year.value)}`);

  async function check(kind, title) {
    result.replaceChildren(h('p', { class: 'csc-sr__message' }, `Checking ${title}\u2026`));
    try {
      const report = await (await get(`/returns/${kind}/validation?${query(kind)}`, 'application/json')).json();
      const clean = report.errors === 0;
      const rows = (report.problems || []).map((p) => h('tr', { 'data-rule': p.rule },
        h('td', null, p.child), h('td', null, p.caseRef || ''), h('td', null, p.rule, h('div', null, (report.rules || {})[p.rule] || '')),
        h('td', null, p.field), h('td', null, p.message), h('td', null, p.severity === 'ERROR' ? 'Error' : 'Query')));
      const schema = (report.schemaProblems || []).map((text) => h('li', null, text));
      result.replaceChildren(...[
        h('p', { class: `csc-sr__message csc-sr__message--${clean ? 'good' : 'bad'}` },
          `${title} ${report.period}: ${report.children} ${kind === 'annex-a' ? 'rows' : 'children'}, `
          + `${report.errors} error${report.errors === 1 ? '' : 's'}, ${report.queries} quer${report.queries === 1 ? 'y' : 'ies'}.`
          + (clean ? ' Clean: ready to download.' : ' Fix each error in the child\'s record, then check again.')),
        schema.length ? h('div', null, h('p', null, 'The schema refuses the message:'), h('ul', null, schema)) : null,
        rows.length ? h('table', { 'data-table': 'problems' },
          h('caption', null, `${title}: error list`),
          h('thead', null, h('tr', null, ['Child', 'Case', 'Rule', 'Field', 'What is wrong', 'Kind'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', null, rows)) : null,
        h('button', { type: 'button', onclick: () => download(kind, title) }, `Download ${title}`)].filter(Boolean));
    } catch (e) {
      result.replaceChildren(h('p', { class: 'csc-sr__message csc-sr__message--bad' }, `${title} not available: ${e.message}.`));
    }
  }

  async function download(kind, title) {
    try {
      const response = await get(`/returns/${kind}?${query(kind)}`, '*/*');
      const disposition = response.headers.get('Content-Disposition') || '';
      const name = (/filename="?([^";]+)"?/.exec(disposition) || [])[1] || kind;
      const url = URL.createObjectURL(await response.blob());
      const link = h('a', { href: url, download: name }, name);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (e) {
      result.append(h('p', { class: 'csc-sr__message csc-sr__message--bad' }, `${title} could not be downloaded: ${e.message}.`));
    }
  }

  node.replaceChildren(h('section', { class: 'csc-sr', id: PLUGIN_ID, 'aria-labelledby': `${PLUGIN_ID}-title` },
    h('style', null, CSS),
    h('h2', { id: `${PLUGIN_ID}-title` }, 'Statutory returns'),
    h('p', null, 'The SSDA903 return, the Children in Need census and Ofsted\'s Annex A from the case records, with the errors to fix at their source before submission.'),
    h('div', { class: 'csc-sr__toolbar' },
      h('div', null, h('label', { for: year.id }, 'Collection year'), year),
      h('button', { type: 'button', onclick: () => check('ssda903', 'SSDA903') }, 'Check SSDA903'),
      h('button', { type: 'button', onclick: () => check('cin-census', 'CIN census') }, 'Check CIN census'),
      h('div', null, h('label', { for: asAt.id }, 'Annex A as at'), asAt),
      h('div', null, h('label', { for: lookBack.id }, 'Months back'), lookBack),
      h('button', { type: 'button', onclick: () => check('annex-a', 'Annex A') }, 'Check Annex A')),
    result));
}

export default {
  id: PLUGIN_ID,
  pluginPoint: 'cockpit.dashboard',
  priority: 10,
  properties: { label: 'Statutory returns' },
  render(node) {
    render(node);
  },
  unmount() {},
};
