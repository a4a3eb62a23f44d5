#!/usr/bin/env node
// Lints the process models and forms that the engine deploys, for Camunda 7.24.
//
//   node tools/lint-models.mjs [ROOT]      (npm run lint)
//
// ROOT (default: the working directory) holds processes/*.bpmn and forms/*.form.
// BPMN: bpmn-moddle + the camunda-bpmn-moddle descriptor, then bpmnlint's Linter with the
// repository's .bpmnlintrc (bpmnlint:recommended + camunda-compat/camunda-platform-7-24).
// Forms: @camunda/form-linting for execution platform "Camunda Platform" 7.24.
// Also checks that every camunda:formRef names the id of a form in forms/.
// Exits 1 when any error is found, 0 otherwise (warnings are printed but do not fail).

import { readFile, readdir } from 'node:fs/promises';
import { createRequire, register } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(process.argv[2] ?? process.cwd());
const CONFIG_FILE = join(REPO_ROOT, '.bpmnlintrc');

const FORM_PLATFORM = 'Camunda Platform';
const FORM_PLATFORM_VERSION = '7.24';

// Resolve packages (bpmnlint rules and configs included) from this repository's node_modules,
// whatever the working directory.
const requireFromRepo = createRequire(join(REPO_ROOT, 'package.json'));

let errorCount = 0;
let warningCount = 0;

// ---------------------------------------------------------------------------------------------
// Reporting

function display(path) {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function printFileReport(file, problems) {
  if (!problems.length) {
    console.log(`ok     ${display(file)}`);
    return;
  }
  console.log(`\n${display(file)}`);
  const idWidth = Math.max(...problems.map(p => (p.id || '').length), 2);
  const ruleWidth = Math.max(...problems.map(p => (p.rule || '').length), 4);
  for (const p of problems) {
    const category = p.category === 'rule-error' ? 'error' : p.category;
    if (category === 'error') errorCount++;
    else if (category === 'warn' || category === 'warning') warningCount++;
    const label = category === 'warn' ? 'warning' : category;
    console.log(`  ${label.padEnd(8)} ${(p.id || '-').padEnd(idWidth)}  ${(p.rule || '').padEnd(ruleWidth)}  ${p.message}`);
  }
  console.log();
}

async function listFiles(dir, extension) {
  let entries;
  try {
    entries = await readdir(join(ROOT, dir), { withFileTypes: true });
  } catch (err) {
    if (err.code === 'ENOENT') return [];
    throw err;
  }
  return entries
    .filter(e => e.isFile() && e.name.endsWith(extension))
    .map(e => join(ROOT, dir, e.name))
    .sort();
}

// ---------------------------------------------------------------------------------------------
// Forms

// @camunda/form-linting is published as untranspiled ES modules with extension-less relative
// imports and no "type": "module", which Node cannot load as is. This hook, scoped to that
// package only, loads its files as ES modules and retries its unresolved specifiers with ".js".
const FORM_LINTING_HOOKS = `
const PKG = '/node_modules/@camunda/form-linting/';
const inPkg = (url) => typeof url === 'string' && url.includes(PKG);
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (err) {
    const relativeInPkg = /^\\.\\.?\\//.test(specifier) && inPkg(context.parentURL);
    const deepImport = specifier.startsWith('@camunda/form-linting/');
    if (!(relativeInPkg || deepImport) ||
        !['ERR_MODULE_NOT_FOUND', 'ERR_UNSUPPORTED_DIR_IMPORT'].includes(err && err.code)) {
      throw err;
    }
    for (const suffix of ['.js', '/index.js']) {
      try {
        return await next(specifier + suffix, context);
      } catch (ignored) { /* try the next suffix */ }
    }
    throw err;
  }
}
export async function load(url, context, next) {
  if (inPkg(url) && url.endsWith('.js')) {
    return next(url, { ...context, format: 'module' });
  }
  return next(url, context);
}
`;

async function loadFormLinting() {
  register('data:text/javascript,' + encodeURIComponent(FORM_LINTING_HOOKS), import.meta.url);
  const { FormLinter } = await import('@camunda/form-linting');
  const { getFormJSVersion } = await import('@camunda/form-linting/lib/config/formVersion');

  // Use the rules of 7.24 when the package knows them, else those of the newest 7.x it knows.
  const [major, minor] = FORM_PLATFORM_VERSION.split('.').map(Number);
  for (let m = minor; m >= 0; m--) {
    const version = `${major}.${m}`;
    const formJS = getFormJSVersion({ executionPlatform: FORM_PLATFORM, executionPlatformVersion: version });
    if (formJS) {
      if (version !== FORM_PLATFORM_VERSION) {
        console.log(`note   @camunda/form-linting has no rule table for ${FORM_PLATFORM} ${FORM_PLATFORM_VERSION}; ` +
          `using the newest it has, ${FORM_PLATFORM} ${version} (form-js ${formJS}).`);
      }
      return { linter: new FormLinter(), rulesVersion: version };
    }
  }
  throw new Error(`@camunda/form-linting knows no ${FORM_PLATFORM} ${major}.x version`);
}

async function lintForms(files) {
  const formIds = new Map();
  if (!files.length) {
    console.log('No forms in forms/*.form: nothing to lint.');
    return formIds;
  }
  const { linter, rulesVersion } = await loadFormLinting();

  for (const file of files) {
    const problems = [];
    let schema;
    try {
      schema = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      printFileReport(file, [{ category: 'error', rule: 'parse', message: `Not valid JSON: ${err.message}` }]);
      continue;
    }

    if (!schema || typeof schema !== 'object' || Array.isArray(schema)) {
      printFileReport(file, [{ category: 'error', rule: 'parse', message: 'A form must be a JSON object.' }]);
      continue;
    }

    if (typeof schema.id !== 'string' || !schema.id) {
      problems.push({ category: 'error', rule: 'form-id', message: 'The form has no "id" (camunda:formRef refers to it).' });
    } else if (formIds.has(schema.id)) {
      problems.push({ category: 'error', id: schema.id, rule: 'form-id',
        message: `Form id is also used by ${display(formIds.get(schema.id))}.` });
    } else {
      formIds.set(schema.id, file);
    }

    if (schema.executionPlatform !== FORM_PLATFORM ||
        String(schema.executionPlatformVersion ?? '').split('.').slice(0, 2).join('.') !== FORM_PLATFORM_VERSION) {
      problems.push({ category: 'warn', id: schema.id, rule: 'execution-platform',
        message: `Form declares ${schema.executionPlatform ?? '(no platform)'} ${schema.executionPlatformVersion ?? ''}`.trimEnd() +
          `; it is linted and deployed for ${FORM_PLATFORM} ${FORM_PLATFORM_VERSION}.` });
    }

    const reports = linter.lint({ ...schema, executionPlatform: FORM_PLATFORM, executionPlatformVersion: rulesVersion });
    for (const r of reports) {
      problems.push({
        category: r.category,
        id: r.id,
        rule: 'form-linting',
        message: r.label && r.label !== r.id ? `${r.label}: ${r.message}` : r.message
      });
    }
    printFileReport(file, problems);
  }
  return formIds;
}

// ---------------------------------------------------------------------------------------------
// BPMN

async function lintProcesses(files, formIds) {
  if (!files.length) {
    console.log('No process models in processes/*.bpmn: nothing to lint.');
    return;
  }

  const bpmnModdleModule = await import('bpmn-moddle');
  const BpmnModdle = bpmnModdleModule.BpmnModdle ?? bpmnModdleModule.default;
  const { Linter } = requireFromRepo('bpmnlint');
  const NodeResolver = requireFromRepo('bpmnlint/lib/resolver/node-resolver');
  const camundaDescriptor = requireFromRepo('camunda-bpmn-moddle/resources/camunda.json');

  const config = JSON.parse(await readFile(CONFIG_FILE, 'utf8'));
  const moddle = new BpmnModdle({ camunda: camundaDescriptor });
  const linter = new Linter({ config, resolver: new NodeResolver({ require: requireFromRepo }) });

  for (const file of files) {
    const problems = [];
    let parsed;
    try {
      parsed = await moddle.fromXML(await readFile(file, 'utf8'));
    } catch (err) {
      printFileReport(file, [{ category: 'error', rule: 'parse', message: `Parse error: ${err.message.split('\n')[0]}` }]);
      continue;
    }
    const { rootElement, warnings = [], elementsById = {} } = parsed;

    for (const w of warnings) {
      problems.push({ category: 'error', id: w.element && w.element.id, rule: 'import',
        message: `Import warning: ${w.message.split('\n')[0]}` });
    }

    const results = await linter.lint(rootElement);
    for (const [rule, reports] of Object.entries(results)) {
      for (const r of reports) {
        problems.push({ category: r.category, id: r.id, rule: r.name || rule, message: r.message });
      }
    }

    // camunda:formRef must name a form that is deployed with the models (forms/*.form).
    for (const element of Object.values(elementsById)) {
      const formRef = typeof element.get === 'function' ? element.get('camunda:formRef') : undefined;
      if (typeof formRef === 'string' && formRef && !/[$#]\{/.test(formRef) && !formIds.has(formRef)) {
        problems.push({ category: 'error', id: element.id, rule: 'form-ref',
          message: `camunda:formRef <${formRef}> matches the id of no form in forms/*.form.` });
      }
    }

    printFileReport(file, problems);
  }
}

// ---------------------------------------------------------------------------------------------

try {
  const bpmnFiles = await listFiles('processes', '.bpmn');
  const formFiles = await listFiles('forms', '.form');
  console.log(`Linting models in ${ROOT} for Camunda ${FORM_PLATFORM_VERSION}` +
    ` (${bpmnFiles.length} BPMN, ${formFiles.length} forms)`);

  const formIds = await lintForms(formFiles);
  await lintProcesses(bpmnFiles, formIds);

  const summary = `${errorCount} error(s), ${warningCount} warning(s)`;
  if (errorCount) {
    console.log(`FAILED: ${summary}`);
    process.exitCode = 1;
  } else {
    console.log(`OK: ${summary}`);
  }
} catch (err) {
  console.error('lint-models failed:', err && err.stack || err);
  process.exitCode = 2;
}
