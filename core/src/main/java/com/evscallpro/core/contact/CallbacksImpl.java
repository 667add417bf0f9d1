package com.evscallpro.core.contact;

import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.db.contact.CallbackRow;
import com.evscallpro.db.contact.ContactRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Callbacks read and changed with single statements on the contact rows (status CALLBACK). */
@Service
@Transactional
class CallbacksImpl implements Callbacks {

    private final ContactRepository contacts;
    private final AuditTrail audit;

    CallbacksImpl(ContactRepository contacts, AuditTrail audit) {
        this.contacts = contacts;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CallbackView> list(Filter filter, int offset, int limit) {
        Instant now = Instant.now();
        return contacts.findCallbacks(filter.campaignId(), filter.agentId(), filter.overdueOnly(), Math.max(0, offset),
                Math.max(1, limit)).stream().map(r -> view(r, now)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public long count(Filter filter) {
        return contacts.countCallbacks(filter.campaignId(), filter.agentId(), filter.overdueOnly());
    }

    @Override
    public void reassign(long contactId, Long agentId) {
        Long before = contacts.findCallbackAgent(contactId);
        try {
            if (contacts.reassignCallback(contactId, agentId) == 0) {
                throw new EvsException("callback.not-found", contactId);
            }
        } catch (DataIntegrityViolationException e) {
            throw new EvsException(e, "callback.unknown-agent", agentId);
        }
        audit.record("reassign", "callback", contactId, "contact " + contactId,
                Map.of("agentId", String.valueOf(before)), Map.of("agentId", String.valueOf(agentId)));
    }

    @Override
    public void reschedule(long contactId, Instant at) {
        Objects.requireNonNull(at, "at");
        if (contacts.rescheduleCallback(contactId, at) == 0) {
            throw new EvsException("callback.not-found", contactId);
        }
        audit.record("reschedule", "callback", contactId, "contact " + contactId, null, Map.of("dueAt", at.toString()));
    }

    private static CallbackView view(CallbackRow r, Instant now) {
        String contact = ((r.firstName() == null ? "" : r.firstName()) + " "
                + (r.lastName() == null ? "" : r.lastName())).trim();
        String agent = r.agentId() == null ? null : r.agentName() != null ? r.agentName() : r.agentUsername();
        return new CallbackView(r.contactId(), r.campaignId(), r.campaignName(), contact, r.phoneE164(), r.dueAt(),
                r.agentId(), agent, r.lastQualificationCode(), r.dueAt() != null && !r.dueAt().isAfter(now));
    }
}
