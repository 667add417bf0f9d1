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

    /** Renames a script or changes its description. */
    ScriptView rename(long scriptId, String name, String description);

    /** Deletes a script with its versions; the campaigns and queues using it no longer show a script. */
    void delete(long scriptId);

    /** Creates or replaces the script's draft with {@code schemaJson} (checked first: nothing changes when refused). */
    ScriptVersionView saveDraft(long scriptId, String schemaJson, String comment);

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

    int MAX_ANSWER_BYTES = 64 * 1024;
}
