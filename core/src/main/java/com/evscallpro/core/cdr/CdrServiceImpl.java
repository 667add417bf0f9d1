package com.evscallpro.core.cdr;

import com.evscallpro.core.event.EventBus;
import com.evscallpro.db.cdr.CallHistory;
import com.evscallpro.db.cdr.CallHistoryRepository;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
@Transactional(readOnly = true)
class CdrServiceImpl implements CdrService {

    private final CallHistoryRepository calls;
    private final EventBus events;

    CdrServiceImpl(CallHistoryRepository calls, EventBus events) {
        this.calls = calls;
        this.events = events;
    }

    @Override
    @Transactional
    public void record(CallRecord r) {
        Objects.requireNonNull(r.callId(), "callId");
        Objects.requireNonNull(r.direction(), "direction");
        Objects.requireNonNull(r.startedAt(), "startedAt");
        calls.upsert(new CallHistory(null, r.callId(), r.uniqueId(), r.linkedId(), r.direction().name(), r.caller(),
                r.callee(), r.startedAt(), r.answeredAt(), r.endedAt(), r.durationSeconds(), r.billsec(),
                r.disposition() == null ? null : r.disposition().asterisk(), r.hangupCause(), r.hangupCauseText(),
                r.campaignId(), r.contactId(), r.agentId(), r.qualificationCode(), r.comment(), r.attempt(),
                r.processInstanceKey(), r.createdAt(), r.customerUniqueId(), r.agentUniqueId(), r.outcome(),
                r.endedDuringOutage()));
        publishAfterCommit(new CallRecorded(r.callId(), r.agentId()));
    }

    @Override
    @Transactional
    public boolean flagAmdFalsePositive(String callId) {
        return calls.flagAmdFalsePositive(callId) > 0;
    }

    /** After the commit (readers must see the row); at once when no transaction is running. */
    private void publishAfterCommit(CallRecorded event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.publish(event);
                }
            });
        } else {
            events.publish(event);
        }
    }

    @Override
    public Optional<CallRecord> byCallId(String callId) {
        return callId == null ? Optional.empty() : calls.findByCallId(callId).map(CdrServiceImpl::toRecord);
    }

    @Override
    public List<CallRecord> byContact(long contactId) {
        return calls.findByContact(contactId).stream().map(CdrServiceImpl::toRecord).toList();
    }

    @Override
    public List<CallRecord> byCampaign(long campaignId, int offset, int limit) {
        checkPage(offset, limit);
        return calls.findByCampaign(campaignId, offset, limit).stream().map(CdrServiceImpl::toRecord).toList();
    }

    @Override
    public List<CallRecord> byAgent(long agentId, int offset, int limit) {
        checkPage(offset, limit);
        return calls.findByAgent(agentId, offset, limit).stream().map(CdrServiceImpl::toRecord).toList();
    }

    @Override
    public List<CallRecord> latest(int offset, int limit) {
        checkPage(offset, limit);
        return calls.findLatest(offset, limit).stream().map(CdrServiceImpl::toRecord).toList();
    }

    @Override
    public List<CallRecord> before(Long campaignId, Long agentId, java.time.Instant startedAt, long id, int limit) {
        if (campaignId != null && agentId != null) {
            throw new IllegalArgumentException("one filter at most: campaign or agent");
        }
        if (startedAt == null) {
            return campaignId != null ? byCampaign(campaignId, 0, limit)
                    : agentId != null ? byAgent(agentId, 0, limit) : latest(0, limit);
        }
        checkPage(0, limit);
        return (campaignId != null ? calls.findByCampaignBefore(campaignId, startedAt, id, limit)
                : agentId != null ? calls.findByAgentBefore(agentId, startedAt, id, limit)
                : calls.findLatestBefore(startedAt, id, limit)).stream().map(CdrServiceImpl::toRecord).toList();
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0 || limit <= 0) {
            throw new IllegalArgumentException("offset must be >= 0 and limit > 0, were " + offset + ", " + limit);
        }
    }

    private static CallRecord toRecord(CallHistory h) {
        return new CallRecord(h.id(), h.callId(), h.uniqueId(), h.linkedId(), CallDirection.valueOf(h.direction()),
                h.caller(), h.callee(), h.startedAt(), h.answeredAt(), h.endedAt(), h.durationSeconds(), h.billsec(),
                CdrDisposition.fromAsterisk(h.disposition()), h.hangupCause(), h.hangupCauseText(), h.campaignId(),
                h.contactId(), h.agentId(), h.qualificationCode(), h.comment(), h.attempt(), h.processInstanceKey(),
                h.createdAt(), h.customerUniqueId(), h.agentUniqueId(), h.outcome(), h.endedDuringOutage());
    }
}
