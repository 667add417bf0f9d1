#!/usr/bin/env node
// Lists the English texts the form-js editor (agent scripts) can show, read from the sources of the packages we bundle:
//   node scripts/form-editor-strings.mjs app/node_modules > ui/src/test/resources/script/form-editor-english.txt
// (any node_modules holding @bpmn-io/form-js-editor, -viewer and properties-panel: the bundle build removes
// app/node_modules when it is done, so `npm pack` the three packages at the versions of ui.script.ScriptEditor and
// unpack them under one folder). The list is what FormEditorTranslationsTest checks the
// French dictionary (ui/.../frontend/evs-script-editor-fr.js) against, and what ScriptEditorLanguageBrowserTest looks
// for in the French editor's page. Texts built with values are listed as templates ("Remove {0}"), a line break in
// a text as \n.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const modules = process.argv[2] || 'app/node_modules';
const read = (p) => readFileSync(join(modules, p), 'utf8');
const editor = read('@bpmn-io/form-js-editor/dist/index.es.js');
const panel = read('@bpmn-io/properties-panel/dist/index.esm.js');
const viewer = read('@bpmn-io/form-js-viewer/dist/index.es.js');

// Properties whose string value is shown (labels, descriptions, tooltips, placeholders, titles, element text,
// validation messages returned by the properties panel's checks).
const SHOWN = /\b(label|description|tooltip|title|placeholder|children|text|switcherLabel|inlineLabel|name|dateLabel|timeLabel)\s*:\s*(['"])((?:(?!\2)[^\\]|\\.)*)\2/g;
const RETURNED = /\breturn\s+(['"])((?:(?!\1)[^\\]|\\.)*[A-Za-z](?:(?!\1)[^\\]|\\.)*)\1\s*;/g;
const TRANSLATED = /\btranslate\(\s*(['"`])((?:(?!\1)[^\\]|\\.)*)\1/g;
// `let label = 'Hide if';` then `label = 'Deactivate if';` (texts chosen by a condition)
const ASSIGNED = /\b(?:let\s+|const\s+|var\s+)?(?:label|description|tooltip|title|placeholder|text)\s*=\s*(['"])((?:(?!\1)[^\\]|\\.)*)\1\s*;/g;
// `return 'a\n\n' + 'b';` (a tooltip written in parts)
const CONCATENATED = /\breturn\s+((?:'(?:[^'\\]|\\.)*'\s*\+\s*)+'(?:[^'\\]|\\.)*')\s*;/g;
// `[OPTIONS_SOURCES.STATIC]: 'Static'` (labels of a choice keyed by a constant)
const KEYED_LABEL = /\[[A-Z_$0-9]+\.[A-Z_0-9]+\]\s*:\s*'([A-Z][^'\\]*)'/g;
const CHILDREN_ARRAY = /\bchildren\s*:\s*\[\s*(['"])((?:(?!\1)[^\\]|\\.)*)\1/g;
const TEMPLATE = /\b(?:return|title:|label:|description:|children:)\s*`([^`]*\$\{[^`]*)`/g;

// Literals that match the patterns above but never reach the screen (ids, internal errors, CSS, developer texts).
const NOT_SHOWN = new Set([
  'No associated form field in the registry', 'Drop is not a valid target', 'Drop not allowed by path registry',
  'Root', 'FilterContext',
]);

const found = new Set();
function collect(source, withViewerNames) {
  for (const m of source.matchAll(SHOWN)) {
    if (m[1] === 'name' && !withViewerNames) continue;
    add(m[3]);
  }
  for (const m of source.matchAll(RETURNED)) add(m[2]);
  for (const m of source.matchAll(CHILDREN_ARRAY)) add(m[2]);
  for (const m of source.matchAll(ASSIGNED)) add(m[2]);
  for (const m of source.matchAll(KEYED_LABEL)) add(m[1]);
  for (const m of source.matchAll(CONCATENATED)) {
    add([...m[1].matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((p) => p[1]).join('').replace(/\\n/g, '\n'));
  }
  for (const m of source.matchAll(TRANSLATED)) {
    if (!m[2].includes('${')) add(m[2]);
  }
  // a template whose words depend on a condition: each variant (`Click to ${active ? 'remove' : 'set a'} ...`)
  for (const m of source.matchAll(/`([^`]*)\$\{[^}]*\?\s*'([^']*)'\s*:\s*'([^']*)'\}([^`]*)`/g)) {
    add(m[1] + m[2] + m[4]);
    add(m[1] + m[3] + m[4]);
  }
  for (const m of source.matchAll(TEMPLATE)) {
    let i = 0;
    add(m[1].replace(/\$\{[^}]*\}/g, () => `{${i++}}`));
  }
}
function add(raw) {
  const s = raw.replace(/\\'/g, "'").replace(/\\"/g, '"').trim();
  if (!/[A-Za-z]{2}/.test(s)) return; // numbers, symbols
  if (/^[a-z][a-zA-Z0-9_.-]*$/.test(s) && !/\s/.test(s)) return; // identifiers, keys, CSS classes
  if (/^(https?:|#|\.|\/|data:)/.test(s)) return; // links, selectors
  if (/^(fjs|bio)-/.test(s) || /^\{\d\}-/.test(s) || /^[a-z-]+: \{\d\};/.test(s)) return; // classes, ids, styles
  if (NOT_SHOWN.has(s)) return;
  found.add(s);
}
collect(editor, true);
collect(panel, false);
// the viewer: only the field types' names and the defaults of a new field (the palette, the panel's header, a
// dropped field's label); the viewer's own texts in the editor's canvas are the agent's viewer's, not listed here
for (const m of viewer.matchAll(KEYED_LABEL)) add(m[1]); // the options sources' names (Static, Input data...)
const viewerConfigs = viewer.match(/\bconfig\s*=\s*\{[\s\S]*?\n\};/g) || [];
for (const c of viewerConfigs) {
  for (const m of c.matchAll(/\b(name|label|dateLabel|timeLabel|text)\s*:\s*(['"])((?:(?!\2)[^\\]|\\.)*)\2/g)) add(m[3]);
}
process.stdout.write([...found].sort((a, b) => a.localeCompare(b)).map((t) => t.replace(/\n/g, '\\n')).join('\n') + '\n');
