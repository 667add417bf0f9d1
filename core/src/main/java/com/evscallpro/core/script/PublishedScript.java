package com.evscallpro.core.script;

/** What an agent is shown: the published version of a script, its form-js schema as JSON. */
public record PublishedScript(long scriptId, String name, long versionId, int number, String schemaJson) {
}
