package com.evscallpro.core.queue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The queues of the back office and the API: each change validated (errors as
 * {@link com.evscallpro.core.error.EvsException} codes {@code queue.*}) and recorded in the audit trail. A stale
 * version is refused with {@code queue.version-mismatch} and changes nothing.
 */
public interface QueueAdmin {

    int MAX_MUSIC_ON_HOLD = 80;
    /** The longest CRM link template ({@code call_queue.crm_url_template}). */
    int MAX_CRM_URL_TEMPLATE = 2000;

    /** Every queue, by group name. */
    List<QueueDefinition> queues();

    Optional<QueueDefinition> queue(long id);

    /** The sort keys of {@link #page}: the group's name (default) and the priority. */
    List<String> SORTS = List.of("group", "priority");

    /**
     * One page of the queues whose group name contains {@code text} (case-insensitive; null: all), sorted by the
     * database on {@code sort} (one of {@link #SORTS}; null: group).
     */
    List<QueueDefinition> page(String text, String sort, boolean descending, int offset, int limit);

    /** How many queues {@link #page} finds for this text. */
    long count(String text);

    /** The queue of an agent group (the IVR's queue block names a group or a queue). */
    Optional<QueueDefinition> queueOfGroup(long groupId);

    /**
     * Creates ({@code id} null) or updates a queue; answers it as saved (new version). Codes:
     * {@code queue.unknown-group}, {@code queue.group-taken} (the group has a queue already),
     * {@code queue.unknown-skill}, {@code queue.skill-required} (SKILL_LEVEL without a skill),
     * {@code queue.value-out-of-range} (field, min, max), {@code queue.music-on-hold-invalid}.
     */
    QueueDefinition save(QueueDefinition queue);

    /**
     * {@link #save(QueueDefinition)} and the queue's CRM link template in one transaction (blank: none). The
     * template follows the campaigns' rules ({@link com.evscallpro.core.link.UrlTemplates#validate}); a bad one
     * ({@code crm-link.invalid-url}, {@code crm-link.unknown-placeholder}) is refused before anything is written.
     */
    QueueDefinition save(QueueDefinition queue, String crmUrlTemplate);

    /** The queue's CRM link template, if it has one. */
    Optional<String> crmUrlTemplate(long queueId);

    /**
     * The queue's CRM link for an inbound call, when it has a template: placeholders replaced by the URL-encoded
     * values ({@code phone} = the caller's number, {@code contactId}, {@code firstName}, {@code lastName},
     * {@code callId}, {@code agentId}; an absent value gives an empty string).
     */
    Optional<String> crmLink(long queueId, Map<String, ?> values);

    /** Deletes a queue ({@code expectedVersion} null: no check). Callers waiting in it leave it as FAILED. */
    void delete(long id, Integer expectedVersion);
}
