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

/** The input of a form field: our forms give every field the id Field_<key>, which form-js prefixes. */
function inputFor(key) {
  const inputs = [...document.querySelectorAll(`[id$="-Field_${CSS.escape(key)}"]`)].filter((n) => n.matches('input, select, textarea, [role="combobox"]') || n.querySelector('input, select, textarea'));
  return inputs.length ? inputs[inputs.length - 1] : null;
}

function labelOf(input) {
  const label = input && document.querySelector(`label[for="${CSS.escape(input.id)}"]`);
  return label ? label.textContent.replace(/\*$/, '').trim() : '';
}

function sentence(label, reason) {
  const text = `${label ? `${label} ` : ''}${reason}`.trim();
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
    const input = inputFor(field);
    const holder = input && (input.closest('.fjs-form-field') || input.parentElement);
    if (!holder) {
      unplaced.push(sentence(field === 'variables' ? 'The form' : field, reason));
      return;
    }
    const message = el('div', { class: 'csc-field-error', role: 'alert', 'data-field': field, style: ERROR_STYLE }, sentence(labelOf(input), reason));
    holder.appendChild(message);
    const control = input.matches('input, select, textarea') ? input : input.querySelector('input, select, textarea');
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('data-csc-invalid', '');
      const corrected = () => {
        message.remove();
        control.removeAttribute('aria-invalid');
        control.removeAttribute('data-csc-invalid');
      };
      control.addEventListener('input', corrected, { once: true });
      control.addEventListener('change', corrected, { once: true });
    }
  });
  if (unplaced.length) {
    const form = document.querySelector('.fjs-form') || document.querySelector('form[name]');
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

function watchFormMessages() {
  new MutationObserver(() => explainPatterns(document)).observe(document.body, { childList: true, subtree: true, characterData: true });
}

watchSubmissions();
if (document.body) watchFormMessages();
else document.addEventListener('DOMContentLoaded', watchFormMessages);

export default [];
