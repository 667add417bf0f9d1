/**
 * Agent scripts in the UI: the analysts' library and form-js editor ({@code /scripts}: versions, compare, {@code .form}
 * export and import), and the form-js viewer the agent workspace shows in the screen-pop
 * ({@link com.evscallpro.ui.script.ScriptForm}).
 */
package com.evscallpro.ui.script;
