package com.evscallpro.core.script;

/**
 * One difference between two versions of a script ({@link ScriptDiff}), component by component.
 *
 * @param kind      added, removed, or a property of a component present in both that changed
 * @param component what the analyst knows the component by: its label, else its key, else its type
 * @param type      the component's form-js type (in the newer version when it changed)
 * @param property  for {@link Kind#CHANGED}: {@code label}, {@code key}, {@code type}, {@code required},
 *                  {@code validation} (the other rules of {@code validate}), {@code options} (values of a radio,
 *                  select, checklist, taglist), {@code text} (of a text or html component), {@code conditional};
 *                  null otherwise
 * @param before    the property's value in the older version (JSON text for rules and options), null when absent
 * @param after     the property's value in the newer version, null when absent
 */
public record ScriptChange(Kind kind, String component, String type, String property, String before, String after) {

    public enum Kind { ADDED, REMOVED, CHANGED }
}
