package com.evscallpro.core.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The life of a contact between dial attempts, for the dialer and the workers. The contact row holds the waiting
 * ({@code next_attempt_at}), never a process instance. Methods taking a contact id throw
 * {@link java.util.NoSuchElementException} for an unknown contact.
 * <pre>NEW | RETRY | CALLBACK --claimDue--> IN_PROGRESS --scheduleRetry--> RETRY
 *                                               --scheduleCallback--> CALLBACK
 *                                               --close--> DONE
 *                                               --requeueWithoutAttempt--> RETRY (attempts - 1)</pre>
 */
public interface ContactLifecycleService {

    /**
     * Atomically claims up to {@code limit} due contacts of a campaign: status NEW, RETRY or CALLBACK with
     * {@code next_attempt_at} null or past, never-tried first, then the oldest due, then by id. Concurrent claimers
     * never get the same contact (rows are locked with SKIP LOCKED). The claimed contacts become IN_PROGRESS with
     * one more attempt; {@link DialableContact#attempt()} is that new count (1 for the first call).
     */
    List<DialableContact> claimDue(long campaignId, int limit);

    /**
     * {@link #claimDue(long, int)} for one agent: that agent's own due personal callbacks first; then the other due
     * contacts, leaving out the personal callbacks of other agents while the campaign's grace period has not passed
     * since they became due, those agents are logged in and not paused, and they still belong to the campaign's
     * agent groups (after the grace, or when their agent is away, anyone of the campaign may take them). A null
     * agent takes no personal callback within its grace (what {@link #claimDue(long, int)} does).
     */
    List<DialableContact> claimDue(long campaignId, int limit, Long forAgentId);

    Optional<DialableContact> find(long contactId);

    /** Stores the outcome of the last attempt; a null qualification code keeps the previous one. */
    void recordOutcome(long contactId, String outcome, String qualificationCode);

    /** → RETRY, due after {@code delay} (measured on the database clock). */
    void scheduleRetry(long contactId, Duration delay);

    /** → CALLBACK, due at {@code at}, for anyone of the campaign (a campaign callback). */
    void scheduleCallback(long contactId, Instant at);

    /**
     * → CALLBACK, due at {@code at}: a personal callback of {@code agentId} (the agent who qualified the call) when
     * the campaign keeps personal callbacks, else a campaign callback; a null agent: a campaign callback.
     */
    void scheduleCallback(long contactId, Instant at, Long agentId);

    /**
     * The attempt could not be placed (a technical failure, not a business outcome): IN_PROGRESS → RETRY due after
     * {@code delay}, with the attempt given back, so it counts toward no attempt limit. No-op for a contact no longer
     * IN_PROGRESS (a retried job).
     */
    void requeueWithoutAttempt(long contactId, Duration delay);

    /** → DONE: never dialed again. */
    void close(long contactId);

    /**
     * Every IN_PROGRESS contact → RETRY due now. Called at start-up: the embedded engine forgets its instances,
     * so calls in flight when the application stopped would otherwise never be retried.
     *
     * @return the number of contacts released
     */
    int releaseInterrupted();

    /** A page of a campaign's contacts, by id, for the back office. */
    List<ContactView> contacts(long campaignId, int offset, int limit);

    /** A page of a campaign's contacts by id, descending or not (offset paging: prefer {@link #contactsAfter}). */
    List<ContactView> contacts(long campaignId, boolean descending, int offset, int limit);

    /**
     * A keyset page of a campaign's contacts: by id ascending after {@code afterId}, or descending before it
     * ({@code descending}); a null {@code afterId} starts at the first (or last) contact. Deep pages cost as the first.
     */
    List<ContactView> contactsAfter(long campaignId, Long afterId, boolean descending, int limit);

    /** The campaign's contact count, counted no further than {@code cap}: a result of {@code cap} means "at least". */
    long countContacts(long campaignId, long cap);
}
