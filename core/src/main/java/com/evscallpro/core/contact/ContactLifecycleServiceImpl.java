package com.evscallpro.core.contact;

import com.evscallpro.db.contact.Contact;
import com.evscallpro.db.contact.ContactRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contact state changes as single SQL statements, so concurrent dialers and workers never step on each other. */
@Service
@Transactional
class ContactLifecycleServiceImpl implements ContactLifecycleService {

    private static final Logger log = LoggerFactory.getLogger(ContactLifecycleServiceImpl.class);

    /** The order of the claim: never tried first, then the oldest due, then by id. */
    private static final Comparator<Contact> DIAL_ORDER = Comparator
            .comparing(Contact::nextAttemptAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Contact::id);

    private final ContactRepository contacts;
    private final org.springframework.context.ApplicationEventPublisher publisher;
    private final org.springframework.beans.factory.ObjectProvider<com.evscallpro.core.agent.AgentService> agents;

    ContactLifecycleServiceImpl(ContactRepository contacts,
                                org.springframework.context.ApplicationEventPublisher publisher,
                                org.springframework.beans.factory.ObjectProvider<com.evscallpro.core.agent.AgentService>
                                        agents) {
        this.contacts = contacts;
        this.publisher = publisher;
        this.agents = agents;
    }

    @Override
    public List<DialableContact> claimDue(long campaignId, int limit) {
        return claimDue(campaignId, limit, null);
    }

    @Override
    public List<DialableContact> claimDue(long campaignId, int limit, Long forAgentId) {
        if (limit <= 0) {
            return List.of();
        }
        List<Contact> own = forAgentId == null ? List.of()
                : contacts.claimPersonalCallbacks(campaignId, forAgentId, limit).stream().sorted(DIAL_ORDER).toList();
        List<DialableContact> claimed = new java.util.ArrayList<>(own.stream()
                .map(ContactLifecycleServiceImpl::toDialable).toList());
        int rest = limit - own.size();
        if (rest > 0) {
            List<Long> held = contacts.findAgentsHoldingCallbacks(campaignId).stream()
                    .filter(agent -> !agent.equals(forAgentId) && present(agent))
                    .toList();
            List<Contact> others = held.isEmpty() ? contacts.claimDue(campaignId, rest)
                    : contacts.claimDueExcept(campaignId, rest, held, contacts.callbackGraceSeconds(campaignId));
            others.stream().sorted(DIAL_ORDER).map(ContactLifecycleServiceImpl::toDialable).forEach(claimed::add);
        }
        return claimed;
    }

    /** Logged in and not paused: a personal callback waits for such an agent during its grace. */
    private boolean present(long agentId) {
        com.evscallpro.core.agent.AgentService service = agents.getIfAvailable();
        if (service == null) {
            return true;
        }
        try {
            com.evscallpro.core.agent.AgentState state = service.status(agentId).state();
            return state != com.evscallpro.core.agent.AgentState.OFFLINE
                    && state != com.evscallpro.core.agent.AgentState.PAUSED;
        } catch (RuntimeException e) { // no longer an agent account
            return false;
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DialableContact> find(long contactId) {
        return contacts.findById(contactId).map(ContactLifecycleServiceImpl::toDialable);
    }

    @Override
    public void recordOutcome(long contactId, String outcome, String qualificationCode) {
        expectOne(contacts.recordOutcome(contactId, outcome, qualificationCode), contactId);
    }

    @Override
    public void scheduleRetry(long contactId, Duration delay) {
        Objects.requireNonNull(delay, "delay");
        double seconds = Math.max(0, delay.toMillis()) / 1000.0;
        expectOne(contacts.scheduleRetryIn(contactId, seconds), contactId);
        log.debug("Contact {} -> RETRY in {}", contactId, delay);
    }

    @Override
    public void scheduleCallback(long contactId, Instant at) {
        scheduleCallback(contactId, at, null);
    }

    @Override
    public void scheduleCallback(long contactId, Instant at, Long agentId) {
        Objects.requireNonNull(at, "at");
        expectOne(contacts.scheduleCallbackFor(contactId, at, agentId), contactId);
        log.debug("Contact {} -> CALLBACK at {} (agent {})", contactId, at, agentId);
    }

    @Override
    public void requeueWithoutAttempt(long contactId, Duration delay) {
        Objects.requireNonNull(delay, "delay");
        int updated = contacts.requeueWithoutAttempt(contactId, Math.max(0, delay.toMillis()) / 1000.0);
        log.debug("Contact {} -> RETRY in {} without using an attempt ({} row)", contactId, delay, updated);
    }

    @Override
    public void close(long contactId) {
        expectOne(contacts.close(contactId), contactId);
        log.debug("Contact {} -> DONE", contactId);
        publisher.publishEvent(new ContactClosed(contactId));
    }

    @Override
    public int releaseInterrupted() {
        int released = contacts.releaseInterrupted();
        if (released > 0) {
            log.info("{} interrupted contact(s) released for a new attempt", released);
        }
        return released;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ContactView> contacts(long campaignId, int offset, int limit) {
        return contacts(campaignId, false, offset, limit);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ContactView> contacts(long campaignId, boolean descending, int offset, int limit) {
        if (offset < 0 || limit <= 0) {
            throw new IllegalArgumentException("offset must be >= 0 and limit > 0, were " + offset + ", " + limit);
        }
        return (descending ? contacts.findPageDesc(campaignId, offset, limit)
                : contacts.findPage(campaignId, offset, limit)).stream().map(ContactLifecycleServiceImpl::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ContactView> contactsAfter(long campaignId, Long afterId, boolean descending, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0, was " + limit);
        }
        long from = afterId != null ? afterId : descending ? Long.MAX_VALUE : Long.MIN_VALUE;
        return (descending ? contacts.findPageBefore(campaignId, from, limit)
                : contacts.findPageAfter(campaignId, from, limit)).stream().map(ContactLifecycleServiceImpl::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public long countContacts(long campaignId, long cap) {
        return contacts.countUpTo(campaignId, cap);
    }

    private static ContactView view(Contact c) {
        return new ContactView(c.id(), c.campaignId(), c.firstName(), c.lastName(), c.phoneE164(), c.fields(),
                ContactStatus.valueOf(c.status().name()), c.attempts(), c.nextAttemptAt(), c.lastOutcome(),
                c.lastQualificationCode(), c.updatedAt());
    }

    private static void expectOne(int updated, long contactId) {
        if (updated == 0) {
            throw new NoSuchElementException("contact " + contactId + " does not exist");
        }
    }

    private static DialableContact toDialable(Contact c) {
        return new DialableContact(c.id(), c.campaignId(), c.firstName(), c.lastName(), c.phoneE164(), c.fields(),
                c.attempts());
    }
}
