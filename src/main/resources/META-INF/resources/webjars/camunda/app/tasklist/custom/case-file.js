// The child at the centre of Tasklist: who each task is about on its card, a "Child and case"
// tab on every task (what the decision in hand needs, the case file and its chronology), and
// "Find a child" in the navbar. Everything comes from our /api, which scopes every read to the
// teams allowed to see the child and audits it; nothing about the child is kept in the engine.

const JSON_HEADERS = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const STATUS = {
  OVERDUE: { word: 'Overdue', colour: '#b10e1e' },
  DUE_TODAY: { word: 'Due today', colour: '#b35900' },
  DUE_SOON: { word: 'Due soon', colour: '#8a6d00' },
  ON_TIME: { word: 'On time', colour: '#00703c' },
  NO_DUE_DATE: { word: 'No due date', colour: '#505a5f' },
};

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: JSON_HEADERS });
  if (!response.ok) {
    const error = new Error(response.status === 403 ? 'You do not have access to this child\'s record.' : `The case file could not be read (${response.status}).`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

async function postJson(url, body, api) {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { ...JSON_HEADERS, 'Content-Type': 'application/json', 'X-XSRF-TOKEN': api && api.CSRFToken },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  return { ok: response.ok, status: response.status, answer };
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (name === 'style') Object.assign(node.style, value);
    else if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
    else node.setAttribute(name, value);
  });
  children.flat().filter((c) => c !== null && c !== undefined && c !== false)
    .forEach((c) => node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c));
  return node;
}

/** 2026-12-01 or an instant as "1 December 2026"; anything else as it is. */
export function longDate(value) {
  if (!value || typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return value;
  const date = value.length === 10 ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(date.getTime()) ? value : LONG_DATE.format(date);
}

/** A code comes as {code, label}: people read the label. */
function isCode(value) {
  return value && typeof value === 'object' && !Array.isArray(value) && 'code' in value && 'label' in value;
}

function words(value) {
  if (isCode(value)) return value.label;
  if (value && typeof value === 'object' && !Array.isArray(value) && 'text' in value) return value.text;
  return value;
}

/** Field names people know by another name. */
const LABELS = { nhsNumber: 'NHS number', upn: 'UPN', caseRef: 'Case reference', dueOn: 'Due on', uasc: 'Unaccompanied asylum-seeking child' };

function humanise(key) {
  if (LABELS[key]) return LABELS[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.substring(1);
}

/** Engine and database ids mean nothing to a practitioner: the case reference is what they quote. */
function isInternalId(key) {
  return key === 'id' || /[a-z]Id$/.test(key);
}

/** A value in capitals with underscores (REFERRAL_DECISION, DUE_SOON) is a code: shown in words. */
function readable(value) {
  return typeof value === 'string' && /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$|^[A-Z]{4,}$/.test(value) ? humanise(value) : value;
}

function statusBadge(card) {
  const status = STATUS[card.status] || STATUS.ON_TIME;
  const days = card.workingDaysLeft;
  const detail = card.status === 'OVERDUE'
    ? `${Math.abs(days)} working day${Math.abs(days) === 1 ? '' : 's'} overdue`
    : card.status === 'DUE_TODAY' ? 'today' : `${days} working day${days === 1 ? '' : 's'} left`;
  return el('span', { class: 'csc-status', 'data-status': card.status, style: { color: status.colour, fontWeight: 'bold' } },
    `${status.word}: ${detail}`);
}

// ---- task cards: one request for all the cards Tasklist shows at once ---------------------------

const pendingCards = new Map();
let cardTimer = null;

function requestCard(taskId) {
  return new Promise((resolve) => {
    const waiting = pendingCards.get(taskId) || [];
    waiting.push(resolve);
    pendingCards.set(taskId, waiting);
    clearTimeout(cardTimer);
    cardTimer = setTimeout(flushCards, 30);
  });
}

async function flushCards() {
  const batch = new Map(pendingCards);
  pendingCards.clear();
  let cards = [];
  try {
    cards = await getJson(`/api/tasks/cards?ids=${[...batch.keys()].map(encodeURIComponent).join(',')}`);
  } catch (e) {
    cards = [];
  }
  const byTask = new Map((Array.isArray(cards) ? cards : cards.cards || []).map((c) => [c.taskId, c]));
  batch.forEach((resolvers, taskId) => resolvers.forEach((resolve) => resolve(byTask.get(taskId) || null)));
}

function renderCard(node, card) {
  node.innerHTML = '';
  if (!card) return;
  const age = card.age !== undefined && card.age !== null ? `, ${words(card.age)}` : '';
  node.appendChild(el('div', { class: 'csc-card', style: { fontSize: '12px', marginTop: '2px', lineHeight: '1.35' } },
    el('div', {}, el('strong', { class: 'csc-card-child' }, `${card.childName}${age}`),
      ` · ${card.caseRef} · ${words(card.teamName || card.team)}`),
    card.dueOn ? el('div', {}, statusBadge(card), ` · due ${longDate(card.dueOn)}`) : null));
}

// ---- the "Child and case" tab ------------------------------------------------------------------------

function definitionList(object) {
  const list = el('dl', { class: 'dl-horizontal csc-facts' });
  Object.entries(object || {}).forEach(([key, raw]) => {
    const value = readable(words(raw));
    if (value === null || value === undefined || value === '' || typeof value === 'object' || isInternalId(key)) return;
    list.appendChild(el('dt', {}, humanise(key)));
    list.appendChild(el('dd', {}, typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(longDate(value))));
  });
  return list;
}

function section(title, ...content) {
  return el('section', { class: 'csc-section', style: { marginBottom: '16px' } }, el('h4', {}, title), ...content);
}

function renderValue(value) {
  if (Array.isArray(value)) {
    if (value.length === 0) return el('p', { class: 'text-muted' }, 'None recorded.');
    return el('ul', {}, value.map((item) => el('li', {}, typeof words(item) === 'object' ? definitionList(item) : String(longDate(words(item))))));
  }
  if (value && typeof value === 'object') return definitionList(value);
  return el('p', {}, String(longDate(value)));
}

/** Any JSON answer as readable sections: plain facts first, then each list or group under its heading. */
function renderObject(object) {
  const wrapper = el('div');
  wrapper.appendChild(definitionList(object));
  Object.entries(object || {}).filter(([, v]) => v && typeof words(v) === 'object')
    .forEach(([key, value]) => wrapper.appendChild(section(humanise(key), renderValue(value))));
  return wrapper;
}

function chronologyView(caseRef) {
  const holder = el('div', { class: 'csc-chronology' });
  const kinds = el('select', { class: 'form-control input-sm', 'aria-label': 'Show only', style: { width: 'auto', display: 'inline-block' } },
    el('option', { value: '' }, 'Everything'));
  const list = el('ol', { class: 'list-unstyled csc-chronology-entries' });
  async function load() {
    list.innerHTML = '';
    try {
      const answer = await getJson(`/api/cases/${encodeURIComponent(caseRef)}/chronology${kinds.value ? `?kind=${encodeURIComponent(kinds.value)}` : ''}`);
      const entries = Array.isArray(answer) ? answer : answer.entries || [];
      if (kinds.options.length === 1) {
        const seen = new Map();
        entries.forEach((e) => seen.set(kindCode(e.kind), kindLabel(e)));
        seen.forEach((label, code) => kinds.appendChild(el('option', { value: code }, label)));
      }
      entries.forEach((entry) => list.appendChild(el('li', { class: 'csc-chronology-entry', 'data-kind': kindCode(entry.kind), style: { marginBottom: '6px' } },
        el('strong', {}, longDate(entry.date || entry.on || entry.at)), ' · ', kindLabel(entry), ': ',
        entry.summary || '', entry.whoName || entry.who ? el('span', { class: 'text-muted' }, ` (${entry.whoName || entry.who})`) : null)));
      if (entries.length === 0) list.appendChild(el('li', { class: 'text-muted' }, 'Nothing recorded yet.'));
    } catch (e) {
      list.appendChild(el('li', { class: 'text-danger' }, e.message));
    }
  }
  kinds.addEventListener('change', load);
  holder.appendChild(el('div', { style: { marginBottom: '8px' } }, 'Show ', kinds));
  holder.appendChild(list);
  load();
  return { node: holder, reload: load };
}

function kindCode(kind) {
  return isCode(kind) ? kind.code : kind;
}

function kindLabel(entry) {
  return isCode(entry.kind) ? entry.kind.label : entry.kindLabel || humanise(entry.kind || '');
}

function noteForm(caseRef, api, onSaved) {
  const type = el('select', { class: 'form-control', id: 'csc-note-type', name: 'type' },
    ['VISIT', 'PHONE_CALL', 'MEETING', 'MANAGEMENT_OVERSIGHT', 'OTHER'].map((t) => el('option', { value: t }, humanise(t))));
  const on = el('input', { class: 'form-control', type: 'date', id: 'csc-note-date', name: 'date' });
  const text = el('textarea', { class: 'form-control', id: 'csc-note-text', name: 'text', rows: '3', maxlength: '4000' });
  const message = el('p', { class: 'csc-note-message', role: 'status' });
  const save = el('button', { class: 'btn btn-default', type: 'button', id: 'csc-note-save' }, 'Add case note');
  save.addEventListener('click', async () => {
    const { ok, answer } = await postJson(`/api/cases/${encodeURIComponent(caseRef)}/notes`, { type: type.value, date: on.value, text: text.value }, api);
    if (ok) {
      message.className = 'text-success csc-note-message';
      message.textContent = 'Case note added.';
      text.value = '';
      onSaved();
    } else {
      message.className = 'text-danger csc-note-message';
      message.textContent = (answer.problems || []).map((p) => `${humanise(p.field)}: ${p.reason}`).join('; ') || answer.message || 'The note was not saved.';
    }
  });
  return el('form', { class: 'csc-note-form', onsubmit: (e) => e.preventDefault() },
    el('label', { for: 'csc-note-type' }, 'Kind of note'), type,
    el('label', { for: 'csc-note-date' }, 'Date'), on,
    el('label', { for: 'csc-note-text' }, 'Note'), text,
    el('div', { style: { marginTop: '6px' } }, save), message);
}

async function renderCaseFile(node, caseRef, api) {
  const file = await getJson(`/api/cases/${encodeURIComponent(caseRef)}/file`);
  const alerts = file.alerts || [];
  node.appendChild(el('div', { class: 'csc-case-file' },
    alerts.length ? el('div', { class: 'alert alert-danger csc-alerts', role: 'alert' }, alerts.map((a) => el('div', {}, el('strong', {}, `${words(a.kind) || 'Alert'}: `), a.text))) : null,
    section('Child and case', renderObject({ ...file, alerts: undefined }))));
  const chronology = chronologyView(caseRef);
  node.appendChild(section('Chronology', chronology.node));
  node.appendChild(section('Case notes', noteForm(caseRef, api, chronology.reload)));
}

async function renderTaskTab(node, taskId, api) {
  node.innerHTML = '';
  node.appendChild(el('p', { class: 'text-muted' }, 'Loading the child\'s record…'));
  try {
    const context = await getJson(`/api/tasks/${encodeURIComponent(taskId)}/context`);
    node.innerHTML = '';
    node.appendChild(section('What this decision is about', renderObject(context)));
    if (context.caseRef) await renderCaseFile(node, context.caseRef, api);
  } catch (e) {
    node.innerHTML = '';
    node.appendChild(el('p', { class: 'text-danger' }, e.message));
  }
}

// ---- "Find a child" ------------------------------------------------------------------------------------

/** A link from Cockpit (a breach) opens the child's case file: {@code #/?case=CSC-2026-000123}. */
function caseInTheAddress() {
  const query = window.location.hash.split('?')[1] || '';
  return new URLSearchParams(query).get('case');
}

function findAChild(api, caseRef) {
  const overlay = el('div', { class: 'csc-find-child', role: 'dialog', 'aria-label': 'Find a child',
    style: { position: 'fixed', top: '60px', right: '20px', width: '640px', maxHeight: '80vh', overflowY: 'auto', background: '#fff',
      border: '1px solid #ccc', boxShadow: '0 2px 8px rgba(0,0,0,.3)', padding: '16px', zIndex: 2000 } });
  const fields = {
    q: el('input', { class: 'form-control', id: 'csc-search-name', placeholder: 'Name, e.g. Ruby Clarke' }),
    dob: el('input', { class: 'form-control', id: 'csc-search-dob', type: 'date' }),
    nhs: el('input', { class: 'form-control', id: 'csc-search-nhs', placeholder: '10 digits' }),
    postcode: el('input', { class: 'form-control', id: 'csc-search-postcode', placeholder: 'e.g. B23 6AB' }),
  };
  const results = el('div', { class: 'csc-search-results' });
  const file = el('div', { class: 'csc-search-file' });
  async function search() {
    results.innerHTML = '';
    file.innerHTML = '';
    const query = Object.entries(fields).filter(([, f]) => f.value.trim()).map(([k, f]) => `${k}=${encodeURIComponent(f.value.trim())}`).join('&');
    if (!query) {
      results.appendChild(el('p', { class: 'text-danger' }, 'Give a name, a date of birth, an NHS number or a postcode.'));
      return;
    }
    try {
      const answer = await getJson(`/api/children/search?${query}`);
      const children = Array.isArray(answer) ? answer : answer.children || answer.results || [];
      if (children.length === 0) results.appendChild(el('p', { class: 'csc-no-match' }, 'No child found that you may see.'));
      children.forEach((child) => {
        const caseRef = child.caseRef || (child.cases && child.cases[0] && child.cases[0].caseRef);
        results.appendChild(el('div', { class: 'csc-search-result', style: { padding: '4px 0' } },
          el('a', { href: '', 'data-case-ref': caseRef, onclick: (e) => { e.preventDefault(); file.innerHTML = ''; renderCaseFile(file, caseRef, api).catch((err) => file.appendChild(el('p', { class: 'text-danger' }, err.message))); } },
            `${child.firstName || ''} ${child.lastName || child.name || ''}`.trim()),
          ` · born ${longDate(child.dateOfBirth)} · ${caseRef || ''}`));
      });
    } catch (e) {
      results.appendChild(el('p', { class: 'text-danger' }, e.message));
    }
  }
  overlay.appendChild(el('button', { type: 'button', class: 'close', 'aria-label': 'Close', onclick: () => overlay.remove() }, '×'));
  overlay.appendChild(el('h3', {}, 'Find a child'));
  overlay.appendChild(el('form', { class: 'csc-search-form', onsubmit: (e) => { e.preventDefault(); search(); } },
    el('label', { for: 'csc-search-name' }, 'Name'), fields.q,
    el('label', { for: 'csc-search-dob' }, 'Date of birth'), fields.dob,
    el('label', { for: 'csc-search-nhs' }, 'NHS number'), fields.nhs,
    el('label', { for: 'csc-search-postcode' }, 'Postcode'), fields.postcode,
    el('div', { style: { marginTop: '8px' } }, el('button', { type: 'submit', class: 'btn btn-primary', id: 'csc-search' }, 'Search'))));
  overlay.appendChild(results);
  overlay.appendChild(file);
  document.body.appendChild(overlay);
  if (caseRef) {
    renderCaseFile(file, caseRef, api).catch((err) => file.appendChild(el('p', { class: 'text-danger' }, err.message)));
  } else {
    fields.q.focus();
  }
}

export default [
  {
    id: 'csc.task.card',
    pluginPoint: 'tasklist.card',
    priority: 10,
    render(node, { taskId }) {
      requestCard(taskId).then((card) => renderCard(node, card));
    },
  },
  {
    id: 'csc.task.child-and-case',
    pluginPoint: 'tasklist.task.detail',
    priority: 100,
    properties: { label: 'Child and case' },
    render(node, { taskId, api }) {
      renderTaskTab(node, taskId, api);
    },
  },
  {
    id: 'csc.find-a-child',
    pluginPoint: 'tasklist.navbar.action',
    priority: 10,
    render(node, { api }) {
      // A contact just recorded (custom/tasklist-forms.js) links to its case file.
      window.addEventListener('csc:open-case', (e) => {
        document.querySelectorAll('.csc-find-child').forEach((o) => o.remove());
        findAChild(api, e.detail.caseRef);
      });
      node.appendChild(el('a', { href: '', class: 'csc-find-child-link', role: 'button',
        onclick: (e) => { e.preventDefault(); document.querySelectorAll('.csc-find-child').forEach((o) => o.remove()); findAChild(api); } },
        'Find a child'));
      const linked = caseInTheAddress();
      if (linked) findAChild(api, linked);
    },
  },
];
