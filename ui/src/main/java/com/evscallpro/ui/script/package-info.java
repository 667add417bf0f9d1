/**
 * Agent scripts in the UI: the analysts' library and form-js editor ({@code /scripts}: versions, compare, {@code .form}
 * export and import), and the form-js viewer the agent workspace shows in the screen-pop
 * ({@link com.evscallpro.ui.script.ScriptForm}). The form-js editor's own interface follows the analyst's language
 * ({@code evs-script-editor-i18n.js}, French texts in {@code evs-script-editor-fr.js}: docs/agent-scripts.md).
 */
package com.evscallpro.ui.script;
