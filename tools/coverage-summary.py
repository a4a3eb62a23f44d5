#!/usr/bin/env python3
"""Flow-node and sequence-flow coverage of each model, across every test class's report
(camunda-process-test-coverage writes one report per class under target/process-test-coverage).
Usage: tools/coverage-summary.py [minimum percent for the product's processes, default 90]"""
import glob, json, re, sys

minimum = float(sys.argv[1]) if len(sys.argv) > 1 else 90.0
covered, totals = {}, {}
for report in glob.glob('target/process-test-coverage/*/report.json'):
    data = json.load(open(report))
    for model in data.get('models', []):
        totals[model['key']] = model.get('totalElementCount', 0)
    for suite in data.get('suites', []):
        for run in suite.get('runs', []):
            for event in run.get('events', []):
                covered.setdefault(event.get('modelKey'), set()).add(event.get('definitionKey'))
if not totals:
    sys.exit('No coverage reports: run mvn verify first')
failed = False
for key in sorted(totals):
    product = glob.glob(f'processes/{key}.bpmn')
    percent = 100.0 * len(covered.get(key, ())) / totals[key] if totals[key] else 100.0
    missing = ''
    if product:
        ids = set(re.findall(r'<bpmn:\w+ id="((?:Flow|Gateway|UserTask|ServiceTask|BusinessRuleTask|StartEvent|EndEvent|BoundaryEvent|SubProcess)_[^"]+)"',
                             open(product[0]).read()))
        gaps = sorted(ids - covered.get(key, set()))
        missing = f'  not covered: {", ".join(gaps)}' if gaps else ''
        failed |= percent < minimum
    print(f'{key:28} {len(covered.get(key, ())):4}/{totals[key]:<4} {percent:6.1f}%{"" if product else "  (test model)"}{missing}')
print(f'Reports: target/process-test-coverage/<TestClass>/report.html; minimum for processes/: {minimum}%')
sys.exit(1 if failed else 0)
