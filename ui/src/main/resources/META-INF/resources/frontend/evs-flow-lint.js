// The flow editor's live check: bpmnlint over the modeler's definitions with the engine's rules
// (bpmnlint-plugin-camunda-compat, camunda-cloud-8-8, prebuilt in evs-bpmnlint-config.js) and ours (evs/<code>,
// evs-bpmnlint-rules.js, given the server's facts as their config). Runs as it is in the browser and in Node.
// @ts-ignore
import Linter from 'bpmnlint/lib/linter.js';
import { engineRules, resolver } from './evs-bpmnlint-config.js';
import { CODES, WARNINGS } from './evs-bpmnlint-rules.js';

/** A linter for one set of facts ({ kind, ivrBlocks, outbound, requiredInputs, prompts }). */
export function createLinter(facts) {
  const rules = { ...engineRules };
  CODES.forEach(code => { rules['evs/' + code] = [WARNINGS.has(code) ? 'warn' : 'error', facts || {}]; });
  return new Linter({ config: { rules }, resolver });
}

/**
 * Lints the definitions: one flat list of { id, code, severity: 'ERROR' | 'WARNING', source: 'evs' | 'engine',
 * rule, message, args }. Our codes are the code; an engine rule's code is its rule name (camunda-compat/...).
 */
export async function lint(linter, definitions) {
  const results = await linter.lint(definitions);
  const issues = [];
  Object.entries(results).forEach(([rule, reports]) => reports.forEach(report => {
    const ours = rule.startsWith('evs/');
    issues.push({
      id: report.id || null,
      code: ours ? rule.substring(4) : rule,
      severity: report.category === 'error' || report.category === 'rule-error' ? 'ERROR' : 'WARNING',
      source: ours ? 'evs' : 'engine',
      rule,
      message: report.message || '',
      args: report.args || []
    });
  }));
  return issues;
}
