// Forms that say what they need, where the field is. Tasklist submits forms through the engine API
// and shows any refusal as a notification at the top of the page, away from the field, one more
// for every try; its form renderer says "Field must match pattern ^[0-9]{10}$". This module watches
// those submissions: a refusal (400, each field with its reason in plain English) is shown beside
// each field and goes when the field is corrected; the browser's own messages say what is expected;
// a contact recorded from the start form ends with its case reference and a link to the case file.

const SUBMISSION = /\/api\/engine\/engine\/[^/]+\/(task\/[^/]+\/(submit-form|complete)|process-definition\/.+\/(submit-form|start))$/;
const START = /\/process-definition\/.+\/(submit-form|start)$/;
const CASE_REF = /^CSC-\d{4}-\d{6}$/;

/** What a pattern in our forms expects, in words (TasklistPluginTest checks every form's pattern is here). */
export const EXPECTED = {
  '^[0-9]{10}$': 'An NHS number has 10 digits, with no spaces.',
  '^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$': 'A postcode looks like LS1 4AP.',
  '^[A-Za-z][0-9]{11}[0-9A-Za-z]$': 'A UPN is a letter, then 11 digits, then a letter or a digit.',
  '^[0-9]*$': 'Only digits: the number the form gave for the known child.',
  '^CSC-[0-9]{4}-[0-9]{6}$': 'A case reference looks like CSC-2026-000123.',
};

const ERROR_STYLE = { color: '#b10e1e', fontWeight: 'bold', marginTop: '4px' };

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (name === 'style') Object.assign(node.style, value);
    else if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
    else node.setAttribute(name, value);
  });
  children.filter((c) => c !== null && c !== undefined).forEach((c) => node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c));
  return node;
}

function pathOf(url) {
  try {
    return new URL(url, window.location.href).pathname;
  } catch (e) {
    return String(url);
  }
}

/** The form field of a key: our forms give every field the id Field_<key>, which form-js prefixes (radios add -0, dates -date). */
function fieldFor(key) {
  const escaped = CSS.escape(key);
  const nodes = [...document.querySelectorAll(`[id$="-Field_${escaped}"], [id$="-Field_${escaped}-date"], [id*="-Field_${escaped}-"]`)];
  const node = nodes.reverse().find((n) => n.closest('.fjs-form-field'));
  return node ? node.closest('.fjs-form-field') : null;
}

function labelOf(field) {
  const label = field && field.querySelector('label');
  return label ? label.textContent.replace(/\*\s*$/, '').trim() : '';
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "cannot be before the child's date of birth (2031-05-02)" as a person writes the date: 2 May 2031. */
function longDates(text) {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (iso, y, m, d) => LONG_DATE.format(new Date(Date.UTC(+y, +m - 1, +d))));
}

function sentence(label, reason) {
  const text = longDates(`${label ? `${label} ` : ''}${reason}`.trim());
  const first = text.charAt(0).toUpperCase() + text.substring(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

function clearMessages() {
  document.querySelectorAll('.csc-field-error, .csc-form-errors').forEach((n) => n.remove());
  document.querySelectorAll('[data-csc-invalid]').forEach((n) => {
    n.removeAttribute('aria-invalid');
    n.removeAttribute('data-csc-invalid');
  });
}

/** Tasklist adds one notification per failed try: keep only the newest. */
function clearEarlierRefusals() {
  document.querySelectorAll('.notifications .alert-danger, .notifications .alert-error').forEach((n) => n.remove());
}

function showBesideFields(problems) {
  const unplaced = [];
  problems.forEach(({ field, reason }) => {
    const holder = fieldFor(field);
    if (!holder) {
      unplaced.push(sentence(field === 'variables' ? 'The form' : field, reason));
      return;
    }
    const message = el('div', { class: 'csc-field-error', role: 'alert', 'data-field': field, style: ERROR_STYLE }, sentence(labelOf(holder), reason));
    holder.appendChild(message);
    const controls = [...holder.querySelectorAll('input, select, textarea')];
    controls.forEach((c) => { c.setAttribute('aria-invalid', 'true'); c.setAttribute('data-csc-invalid', ''); });
    const corrected = () => {
      message.remove();
      controls.forEach((c) => { c.removeAttribute('aria-invalid'); c.removeAttribute('data-csc-invalid'); });
      holder.removeEventListener('input', corrected);
      holder.removeEventListener('change', corrected);
    };
    holder.addEventListener('input', corrected);
    holder.addEventListener('change', corrected);
  });
  if (unplaced.length) {
    const form = [...document.querySelectorAll('.fjs-form')].pop();
    if (form) form.prepend(el('div', { class: 'csc-form-errors alert alert-danger', role: 'alert' }, unplaced.join(' ')));
  }
}

function showCaseReference(caseRef) {
  document.querySelectorAll('.csc-case-recorded').forEach((n) => n.remove());
  const open = el('a', { href: `#/?case=${encodeURIComponent(caseRef)}`, class: 'csc-open-case',
    onclick: (e) => { e.preventDefault(); window.dispatchEvent(new CustomEvent('csc:open-case', { detail: { caseRef } })); } },
  'Open the case file');
  const notice = el('div', { class: 'csc-case-recorded alert alert-success', role: 'status',
    style: { position: 'fixed', top: '60px', left: '50%', transform: 'translateX(-50%)', zIndex: 2100, minWidth: '420px', boxShadow: '0 2px 8px rgba(0,0,0,.3)' } },
  el('button', { type: 'button', class: 'close', 'aria-label': 'Close', onclick: () => notice.remove() }, '×'),
  el('strong', {}, 'Contact recorded. '), 'Case reference ', el('strong', { class: 'csc-case-ref' }, caseRef), '. ', open);
  document.body.appendChild(notice);
}

function answered(url, status, text) {
  let answer = {};
  try {
    answer = JSON.parse(text || '{}');
  } catch (e) {
    answer = {};
  }
  if (status === 400 && Array.isArray(answer.problems)) {
    setTimeout(() => showBesideFields(answer.problems), 0);
  } else if (status >= 200 && status < 300 && START.test(pathOf(url)) && CASE_REF.test(answer.businessKey || '')) {
    showCaseReference(answer.businessKey);
  }
}

function watchSubmissions() {
  if (XMLHttpRequest.prototype.cscWatched) return;
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.cscWatched = true;
  XMLHttpRequest.prototype.open = function watchedOpen(method, url, ...rest) {
    this.cscSubmission = String(method).toUpperCase() === 'POST' && SUBMISSION.test(pathOf(url)) ? String(url) : null;
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function watchedSend(...args) {
    if (this.cscSubmission) {
      clearMessages();
      clearEarlierRefusals();
      const url = this.cscSubmission;
      this.addEventListener('load', () => answered(url, this.status, this.responseText));
    }
    return send.apply(this, args);
  };
}

/** form-js says "Field must match pattern …": say instead what the field expects. */
function explainPatterns(root) {
  root.querySelectorAll('.fjs-form-field-error li').forEach((item) => {
    const match = /^Field must match pattern (.*)\.$/.exec(item.textContent.trim());
    if (!match) return;
    const description = item.closest('.fjs-form-field') && item.closest('.fjs-form-field').querySelector('.fjs-form-field-description');
    item.textContent = EXPECTED[match[1]] || `Not in the form expected${description ? `: ${description.textContent.trim()}` : '.'}`;
  });
}

/**
 * A form's read-only facts come from process variables, so a due date reads 2026-12-10 and a
 * recommendation CHILD_IN_NEED_PLAN. Shown as a person writes them: 10 December 2026, "Child in need
 * plan". Only what the field shows changes: the form keeps (and submits) the value it was given.
 */
function readableReadOnlyFields() {
  document.querySelectorAll('.fjs-form input[readonly], .fjs-form input[disabled]').forEach((input) => {
    const value = input.value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      input.value = longDates(value);
    } else if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(value)) {
      const text = value.replace(/_/g, ' ').toLowerCase();
      input.value = text.charAt(0).toUpperCase() + text.substring(1);
    }
  });
}

function watchFormMessages() {
  setInterval(readableReadOnlyFields, 300);
  new MutationObserver(() => explainPatterns(document)).observe(document.body, { childList: true, subtree: true, characterData: true });
}

/**
 * Statutory work comes in the order it is due: Tasklist sorts every list by creation date unless the
 * address says otherwise (it ignores a filter's own order), so a list without a chosen order is
 * sorted by due date, soonest first, and Tasklist's sort control says "Due date".
 */
// Ties (many tasks fall due at the end of the same day) are broken by creation and id, so the order
// is the same on every page load and paging through the list neither skips nor repeats a task.
const BY_DUE_DATE = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }, { sortBy: 'created', sortOrder: 'asc' }, { sortBy: 'id', sortOrder: 'asc' }]);

function sortByDueDate() {
  const hash = window.location.hash || '#/';
  const [route, query = ''] = hash.substring(1).split('?');
  if (route !== '/' && route !== '') return;
  const params = new URLSearchParams(query);
  if (params.has('sorting')) return;
  params.set('sorting', BY_DUE_DATE);
  window.location.replace(`#/?${params.toString()}`);
}

window.addEventListener('hashchange', sortByDueDate);
sortByDueDate();
watchSubmissions();
if (document.body) watchFormMessages();
else document.addEventListener('DOMContentLoaded', watchFormMessages);

export default [];
