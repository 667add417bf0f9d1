// EVSCallPro's own flow rules as a bpmnlint plugin ("evs/<code>"), the browser twin of core.flow.FlowLint: same
// codes, same element, same arguments. The shared fixtures (core/src/test/resources/lint-fixtures/) keep both in
// agreement: FlowLintFixturesTest runs the Java rules over them, FlowLintBrowserTest this file in the editor.
// No import: the module runs as it is in the browser (Vite bundle) and in Node.
//
// The facts come from the server (one source of truth, core.flow.FlowJobTypes and the prompt library), given to
// each rule as its bpmnlint config: { kind: 'IVR' | 'OUTBOUND_CALL', ivrBlocks: [...], outbound: [...],
// requiredInputs: { block: [input...] }, prompts: [names] | null }.
// A report is { id: element id, message: English fallback, args: [...] } (the editor shows the server's texts).

const FLOW_NODES = new Set(['startEvent', 'endEvent', 'intermediateCatchEvent', 'intermediateThrowEvent',
  'boundaryEvent', 'task', 'serviceTask', 'userTask', 'sendTask', 'receiveTask', 'scriptTask', 'businessRuleTask',
  'manualTask', 'callActivity', 'subProcess', 'exclusiveGateway', 'parallelGateway', 'inclusiveGateway',
  'eventBasedGateway']);
const UNSUPPORTED = new Set(['businessRuleTask', 'callActivity']);
const CHOICE_TEST = /([A-Za-z_][A-Za-z0-9_]*)\s*=\s*"([0-9*#]+)"/g;
const PROMPT_INPUTS = ['prompt', 'invalidPrompt', 'noInputPrompt'];

export const CODES = ['unknown-job-type', 'job-type-fixed-node', 'required-input', 'dead-end', 'unreachable',
  'menu-choice-unhandled', 'message-no-correlation-key', 'unsupported-element', 'ends-in-silence',
  'prompt-not-in-library'];
/** The codes that are warnings (the rest are errors). */
export const WARNINGS = new Set(['ends-in-silence', 'prompt-not-in-library']);

const localName = (element) => {
  const t = (element.$type || '').replace(/^bpmn:/, '');
  return t.charAt(0).toLowerCase() + t.slice(1);
};

const extension = (element, type) => ((element.extensionElements && element.extensionElements.values) || [])
  .filter(v => v.$type === type);

/** The IVR block a job type names: ="ivr.play." + evsNode, or a literal ivr.play.<node>; null when none. */
export function ivrBlock(type) {
  const t = (type || '').trim();
  let m = /^=\s*"ivr\.([a-z-]+)\."\s*\+\s*evsNode\s*$/.exec(t);
  if (m) {
    return m[1];
  }
  m = /^ivr\.([a-z-]+)\.[A-Za-z0-9_.-]+$/.exec(t);
  return m ? m[1] : null;
}

function taskType(node) {
  const definition = extension(node, 'zeebe:TaskDefinition')[0];
  return definition ? (definition.type || '') : null;
}

function inputs(node) {
  const result = {};
  extension(node, 'zeebe:IoMapping').forEach(io => (io.inputParameters || [])
    .forEach(p => { result[p.target] = p.source == null ? '' : p.source; }));
  return result;
}

function messageDefinition(node) {
  return (node.eventDefinitions || []).find(d => d.$type === 'bpmn:MessageEventDefinition');
}

function messageName(definition) {
  const ref = definition.messageRef;
  return ref ? (ref.name || '') : '';
}

/** Every flow node and sequence flow under the definitions, with the flows in and out of each node. */
function graph(definitions) {
  const nodes = new Map();
  const outgoing = new Map();
  const incoming = new Map();
  const add = (map, key, value) => {
    if (!map.has(key)) {
      map.set(key, []);
    }
    map.get(key).push(value);
  };
  const visit = (container) => (container.flowElements || []).forEach(e => {
    const name = localName(e);
    if (FLOW_NODES.has(name) && e.id) {
      nodes.set(e.id, e);
    } else if (name === 'sequenceFlow') {
      add(outgoing, e.sourceRef ? e.sourceRef.id : '', e);
      add(incoming, e.targetRef ? e.targetRef.id : '', e);
    }
    if (e.flowElements) {
      visit(e);
    }
  });
  (definitions.rootElements || []).filter(r => r.$type === 'bpmn:Process').forEach(visit);
  return { nodes, outgoing, incoming };
}

function knownType(facts, type) {
  if (facts.kind === 'IVR') {
    const block = ivrBlock(type);
    return block != null && (facts.ivrBlocks || []).includes(block);
  }
  return (facts.outbound || []).includes((type || '').trim());
}

/** All our problems of a model: [{ id, code, args, message }]. */
export function evsProblems(definitions, facts) {
  const { nodes, outgoing, incoming } = graph(definitions);
  const problems = [];
  const report = (id, code, args, message) => problems.push({ id, code, args, message });
  const out = (id) => outgoing.get(id) || [];
  const into = (id) => incoming.get(id) || [];
  const ivr = facts.kind === 'IVR';
  for (const node of nodes.values()) {
    const id = node.id;
    const type = localName(node);
    if (UNSUPPORTED.has(type) || (ivr && type === 'userTask')) {
      report(id, 'unsupported-element', [type], 'EVSCallPro does not run a ' + type + ' in this kind of flow');
      continue;
    }
    if (type === 'serviceTask' || type === 'sendTask') {
      const jobType = taskType(node) || '';
      if (!knownType(facts, jobType)) {
        report(id, 'unknown-job-type', [jobType], 'no EVSCallPro worker serves the job type \'' + jobType + '\'');
      } else {
        const block = ivr ? ivrBlock(jobType) : null;
        if (block != null) {
          if (!jobType.trim().startsWith('=')) {
            report(id, 'job-type-fixed-node', [jobType], 'the job type \'' + jobType + '\' names one node');
          }
          const given = inputs(node);
          ((facts.requiredInputs || {})[block] || []).forEach(required => {
            const value = given[required];
            if (value == null || value.trim() === '' || value.trim() === '=') {
              report(id, 'required-input', [block, required], 'the ' + block + ' block needs \'' + required + '\'');
            }
          });
        }
      }
    }
    const eventSubProcessOrCompensation = (type === 'subProcess' && node.triggeredByEvent)
      || (type === 'boundaryEvent' && (node.eventDefinitions || []).some(d => d.$type === 'bpmn:CompensateEventDefinition'));
    if (type !== 'endEvent' && out(id).length === 0 && !eventSubProcessOrCompensation) {
      report(id, 'dead-end', [], 'nothing follows this element');
    }
    if (type !== 'startEvent' && type !== 'boundaryEvent' && into(id).length === 0) {
      report(id, 'unreachable', [], 'no path leads to this element');
    }
    const message = messageDefinition(node);
    if (message && type !== 'endEvent' && type !== 'intermediateThrowEvent' && type !== 'startEvent') {
      const ref = message.messageRef;
      const subscription = ref ? extension(ref, 'zeebe:Subscription')[0] : null;
      if (!subscription || !(subscription.correlationKey || '').trim()) {
        const name = messageName(message);
        report(id, 'message-no-correlation-key', [name], 'the message ' + name + ' has no correlation key');
      }
    }
  }
  if (ivr) {
    menus(nodes, out, report);
    silentEnds(nodes, into, report);
    promptsNotInLibrary(nodes, facts, report);
  }
  return problems;
}

/** Each menu's choices must each be taken by a branch of the exclusive gateway right after it (or a default). */
function menus(nodes, out, report) {
  for (const node of nodes.values()) {
    if (ivrBlock(taskType(node)) !== 'menu') {
      continue;
    }
    const given = inputs(node);
    const choices = given.choices || '';
    if (choices.trim() === '' || choices.trim().startsWith('=')) {
      continue;
    }
    const variable = 'resultVariable' in given ? given.resultVariable : 'menuChoice';
    const handled = new Set();
    let hasDefault = false;
    for (const flow of out(node.id)) {
      const next = flow.targetRef ? nodes.get(flow.targetRef.id) : null;
      if (!next || localName(next) !== 'exclusiveGateway') {
        hasDefault = true;
        continue;
      }
      hasDefault = hasDefault || !!next.default;
      for (const branch of out(next.id)) {
        const body = branch.conditionExpression ? (branch.conditionExpression.body || '') : null;
        if (body == null) {
          continue;
        }
        for (const m of body.matchAll(CHOICE_TEST)) {
          if (m[1] === variable) {
            handled.add(m[2]);
          }
        }
      }
    }
    if (hasDefault) {
      continue;
    }
    new Set(choices.trim().split(/[ ,]+/)).forEach(choice => {
      if (choice !== '' && !handled.has(choice)) {
        report(node.id, 'menu-choice-unhandled', [choice], 'no branch takes the choice ' + choice);
      }
    });
  }
}

/** An end event of the process reached while the call is neither ended nor handed over (core.flow.FlowLint). */
function silentEnds(nodes, into, report) {
  for (const end of nodes.values()) {
    if (localName(end) !== 'endEvent' || !end.$parent || end.$parent.$type !== 'bpmn:Process'
      || (end.eventDefinitions || []).some(d => d.$type === 'bpmn:ErrorEventDefinition')) {
      continue;
    }
    const todo = [end];
    const seen = new Set();
    let silentAfter = null;
    while (todo.length && silentAfter == null) {
      const node = todo.shift();
      for (const flow of into(node.id)) {
        const previous = flow.sourceRef ? nodes.get(flow.sourceRef.id) : null;
        if (!previous || seen.has(previous.id)) {
          continue;
        }
        seen.add(previous.id);
        const ending = endsOrHandsOver(previous);
        if (ending === 'no') {
          silentAfter = previous.id;
          break;
        }
        if (ending === 'pass') {
          todo.push(previous);
        }
      }
    }
    if (silentAfter != null) {
      report(end.id, 'ends-in-silence', [silentAfter],
        'the call is not ended or handed over before this end (after ' + silentAfter + ')');
    }
  }
}

function endsOrHandsOver(node) {
  const type = localName(node);
  if (type === 'serviceTask' || type === 'sendTask') {
    const block = ivrBlock(taskType(node));
    return block === 'hangup' || block === 'transfer' ? 'yes' : 'no';
  }
  if (type === 'startEvent' || type === 'boundaryEvent') {
    return 'no';
  }
  const message = messageDefinition(node);
  if (message && messageName(message) === 'queue-answered') {
    return 'yes';
  }
  return type.endsWith('Gateway') || type.startsWith('intermediate') ? 'pass' : 'no';
}

/** Prompts named literally (not =FEEL, not none) that the library given by the server lacks. */
function promptsNotInLibrary(nodes, facts, report) {
  if (!Array.isArray(facts.prompts)) {
    return;
  }
  const library = new Set(facts.prompts);
  for (const node of nodes.values()) {
    if (localName(node) !== 'serviceTask' || ivrBlock(taskType(node)) == null) {
      continue;
    }
    const given = inputs(node);
    PROMPT_INPUTS.forEach(input => {
      const value = (given[input] || '').trim();
      if (value !== '' && !value.startsWith('=') && value !== 'none' && !library.has(value)) {
        report(node.id, 'prompt-not-in-library', [input, value], 'the prompt library has no prompt \'' + value + '\'');
      }
    });
  }
}

const cache = new WeakMap();

/**
 * The problems of a model, computed once for all our rules of one lint run: bpmnlint applies the rules one after the
 * other synchronously, so the cache is dropped once that run yields (an edited model is checked afresh).
 */
function cachedProblems(definitions, facts) {
  let entry = cache.get(definitions);
  if (!entry || entry.facts !== facts) {
    entry = { facts, problems: evsProblems(definitions, facts) };
    cache.set(definitions, entry);
    Promise.resolve().then(() => cache.delete(definitions));
  }
  return entry.problems;
}

/**
 * The bpmnlint rule of one code: it reports, on the definitions, the problems of that code (computed once per
 * model and lint run for all codes).
 */
function rule(code) {
  return function(facts) {
    return {
      check(node, reporter) {
        if (node.$type !== 'bpmn:Definitions') {
          return;
        }
        cachedProblems(node, facts || {}).filter(p => p.code === code)
          .forEach(p => reporter.report(p.id, p.message, { args: p.args, code }));
      }
    };
  };
}

/** The plugin's rules, by name (as bpmnlint-plugin-evs would export them). */
export const rules = Object.fromEntries(CODES.map(code => [code, rule(code)]));
