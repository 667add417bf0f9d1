package com.evscallpro.core.call;

import com.evscallpro.core.agent.AgentCallRouting;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.db.call.TechnicalFailureRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records technical failures ({@code call_technical_failure}) and lists them for admins. */
@Service
class TechnicalFailures implements TechnicalFailureService {

    private static final Logger log = LoggerFactory.getLogger(TechnicalFailures.class);
    private static final int MAX_REASON = 500;

    private final TechnicalFailureRepository failures;
    private final ContactLifecycleService contacts;
    private final AgentCallRouting agents;
    private final OutboundCallTracker calls;
    /** When a contact whose attempt failed technically is due again ({@code evs.dialer.technical-retry-delay}). */
    private final Duration retryDelay;
    private final Clock clock = Clock.systemUTC();

    TechnicalFailures(TechnicalFailureRepository failures, ContactLifecycleService contacts, AgentCallRouting agents,
                      OutboundCallTracker calls,
                      @Value("${evs.dialer.technical-retry-delay:30s}") Duration retryDelay) {
        this.failures = failures;
        this.contacts = contacts;
        this.agents = agents;
        this.calls = calls;
        this.retryDelay = retryDelay;
    }

    @Override
    @Transactional
    public boolean record(String callId, long campaignId, long contactId, Long agentId, int attempt,
                          TechnicalFailureKind kind, String reason) {
        String masked = PhoneMask.maskText(reason);
        if (masked != null && masked.length() > MAX_REASON) {
            masked = masked.substring(0, MAX_REASON);
        }
        TechnicalFailureKind k = kind == null ? TechnicalFailureKind.OTHER : kind;
        boolean inserted = failures.insertOnce(callId, campaignId, contactId, agentId, attempt, k.code(), masked,
                clock.instant()) == 1;
        contacts.requeueWithoutAttempt(contactId, retryDelay);
        if (agentId != null) {
            agents.release(agentId, callId);
        }
        calls.discard(callId);
        if (inserted) {
            log.warn("Call {} (campaign {}, contact {}) could not be placed: {}; the contact keeps its attempt",
                    callId, campaignId, contactId, masked);
        }
        return inserted;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TechnicalFailure> latest(int offset, int limit) {
        if (offset < 0 || limit <= 0) {
            throw new IllegalArgumentException("offset must be >= 0 and limit > 0, were " + offset + ", " + limit);
        }
        return failures.findLatest(offset, limit).stream()
                .map(f -> new TechnicalFailure(f.callId(), f.campaignId(), f.contactId(), f.agentId(), f.attempt(),
                        TechnicalFailureKind.ofCode(f.reasonCode()).orElse(TechnicalFailureKind.OTHER), f.reason(),
                        f.failedAt()))
                .toList();
    }
}
