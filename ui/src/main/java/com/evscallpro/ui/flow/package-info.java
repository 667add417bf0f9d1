/**
 * The analysts' flow screens: {@code /flows}, the flow library (IVR flows and the outbound call journey: new from a
 * template, import and export of {@code .bpmn} files as Camunda Modeler reads them), and {@code /flows/:id}, the
 * BPMN editor ({@link com.evscallpro.ui.flow.BpmnModeler}: bpmn-js with the Zeebe properties panel and our element
 * templates, in French for a French analyst) with autosave of the draft, a live check as the analyst edits
 * (bpmnlint in the browser, our rules fed by the server: {@code FlowLintFacts}), a palette limited to what we run,
 * validation pointing at elements, publish, versions and roll-back. Open to ADMIN and ANALYST; the flows and versions
 * themselves are {@code core.flow}'s.
 */
package com.evscallpro.ui.flow;
