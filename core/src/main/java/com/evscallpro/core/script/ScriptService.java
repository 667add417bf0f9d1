package com.evscallpro.core.script;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Agent scripts and their versions. Refusals are {@link com.evscallpro.core.error.EvsException}s whose code is the key
 * of a FR/EN text: {@code script.not-found} (id), {@code script.version-not-found} (id), {@code script.name-required},
 * {@code script.name-too-long} (max), {@code script.name-taken} (name), {@code script.not-published} (name),
 * {@code campaign.not-found} (id), {@code queue.not-found} (id), {@code script.answers-too-large}
 * (KB, max KB), and the schema's first problem ({@link ScriptSchemaCheck}: {@code script.schema-*}).
 */
public interface ScriptService {

    /** Every script, by name. */
    List<ScriptView> scripts();

    /** The sort keys of {@link #page}: the name. */
    List<String> SORTS = List.of("name");

    /**
     * One page of the scripts whose name or description contains {@code text} (case-insensitive; null: all), sorted
     * by the database on {@code sort} (one of {@link #SORTS}; null: name).
     */
    List<ScriptView> page(String text, String sort, boolean descending, int offset, int limit);

    /** How many scripts {@link #page} finds for this text. */
    long count(String text);

    Optional<ScriptView> script(long scriptId);

    /** Scripts that have a published version (what campaigns and queues can take), by name. */
    List<ScriptView> publishedScripts();

    /** A script's versions, newest first. */
    List<ScriptVersionView> versions(long scriptId);

    Optional<ScriptVersionView> version(long versionId);

    /** A version's form-js schema (JSON); {@code script.version-not-found}. */
    String schema(long versionId);

    /** The script's draft, or else its newest version: what the editor opens. */
    Optional<ScriptVersionView> latest(long scriptId);

    /** Why {@code schemaJson} cannot be stored; empty when it can. */
    List<SchemaProblem> problems(String schemaJson);

    /** Creates a script whose version 1 is a draft of {@code schemaJson}. */
    ScriptView create(String name, String description, String schemaJson, String comment);

    /**
     * Renames a script or changes its description. {@code expectedVersion}: the {@link ScriptView#version()} the change
     * was made from (null: not checked); refused with {@code script.version-mismatch} (expected, current) when the
     * script changed since (renamed, draft saved, a version published), nothing written.
     */
    ScriptView rename(long scriptId, Integer expectedVersion, String name, String description);

    default ScriptView rename(long scriptId, String name, String description) {
        return rename(scriptId, null, name, description);
    }

    /**
     * Deletes a script with its versions; the campaigns and queues using it no longer show a script. Refused with
     * {@code script.version-mismatch} when {@code expectedVersion} is not null and the script changed since.
     */
    void delete(long scriptId, Integer expectedVersion);

    default void delete(long scriptId) {
        delete(scriptId, null);
    }

    /**
     * Creates or replaces the script's draft with {@code schemaJson} (checked first: nothing changes when refused);
     * refused with {@code script.version-mismatch} when {@code expectedVersion} is not null and the script changed
     * since (another editor saved a draft or published meanwhile).
     */
    ScriptVersionView saveDraft(long scriptId, Integer expectedVersion, String schemaJson, String comment);

    default ScriptVersionView saveDraft(long scriptId, String schemaJson, String comment) {
        return saveDraft(scriptId, null, schemaJson, comment);
    }

    /**
     * Makes a version (the draft, or an earlier one: a roll-back) the published one, which agents see from their next
     * call on; the version published before becomes RETIRED.
     */
    ScriptVersionView publish(long versionId, String comment);

    /** The script's published version; empty when it has none. */
    Optional<PublishedScript> published(long scriptId);

    /** Binds a script to a campaign (null: none). */
    void bindCampaign(long campaignId, Long scriptId);

    /** Binds a script to an inbound queue (null: none). */
    void bindQueue(long queueId, Long scriptId);

    /** The script bound to a campaign (null: none); {@code campaign.not-found} when there is no such campaign. */
    Long scriptOfCampaign(long campaignId);

    /** The script bound to a queue (null: none); {@code queue.not-found} when there is no such queue. */
    Long scriptOfQueue(long queueId);

    /** The script bound to a campaign, if any (published or not). */
    Optional<Long> campaignScriptId(long campaignId);

    /** The script bound to a queue, if any (published or not). */
    Optional<Long> queueScriptId(long queueId);

    /** The published script the agents of a campaign see; empty when none is bound or it is not published. */
    Optional<PublishedScript> forCampaign(long campaignId);

    /** The published script the agents of an inbound queue see; empty when none is bound or it is not published. */
    Optional<PublishedScript> forQueue(long queueId);

    /**
     * Stores an agent's answers with the call's record ({@code call_history.script_answers}); false when the call
     * has no record (yet). Refused with {@code script.answers-too-large} beyond {@link #MAX_ANSWER_BYTES}.
     */
    boolean storeAnswers(String callId, Map<String, Object> answers);

    /** The answers stored with a call; empty when none. */
    Map<String, Object> answers(String callId);

    /**
     * Keeps an agent's answers of a call on the server as they are typed (inbound calls, whose record is written only
     * when the call ends): stored in the call's record when it already exists, else kept by call id and moved into
     * the record by the database the moment it is inserted (V74, V78), whichever comes first; one row, attached once.
     * Empty answers are ignored. Refused with {@code script.answers-too-large} beyond {@link #MAX_ANSWER_BYTES}.
     *
     * @return true when the answers are in the call's record, false when they wait for it
     */
    boolean keepAnswers(String callId, Map<String, Object> answers);

    /**
     * Checks answers against a version's schema ({@link ScriptAnswersCheck}); the first problem is thrown as an
     * {@link com.evscallpro.core.error.EvsException} ({@code script.answer-*}, the field's label first);
     * {@code requireFilled} false lets required fields stay empty (the format of what is given is still checked).
     */
    void checkAnswers(long versionId, Map<String, Object> answers, boolean requireFilled);

    /** What changed from version {@code olderVersionId} to version {@code newerVersionId} ({@link ScriptDiff}). */
    List<ScriptChange> compare(long olderVersionId, long newerVersionId);

    /**
     * A version as a {@code .form} file (the form-js JSON Camunda Modeler's form editor reads and writes), indented;
     * {@code script.version-not-found}.
     */
    String exportForm(long versionId);

    /** The file name {@link #exportForm} is offered under: the script's name and the version, e.g. {@code Survey-v2.form}. */
    String exportFileName(long versionId);

    /**
     * Imports a {@code .form} file (UTF-8 JSON, e.g. from Camunda Modeler) as the script's draft, checked like any
     * saved schema; refused (nothing changes) with {@code script.import-not-utf8} or the schema's first problem
     * ({@link #problems(String)} lists them all). {@code comment} is the draft's comment (e.g. which file).
     */
    ScriptVersionView importForm(long scriptId, byte[] content, String comment);

    /** The text of an uploaded {@code .form} file (UTF-8, a leading BOM dropped); {@code script.import-not-utf8}. */
    static String formText(byte[] content) {
        try {
            String text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content == null ? new byte[0] : content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new com.evscallpro.core.error.EvsException("script.import-not-utf8");
        }
    }

    int MAX_ANSWER_BYTES = 64 * 1024;
}
