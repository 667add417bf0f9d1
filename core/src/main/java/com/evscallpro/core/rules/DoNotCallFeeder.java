package com.evscallpro.core.rules;

import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.call.PhoneMask;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.qualification.Qualification.QualificationCategory;
import com.evscallpro.core.task.CallQualified;
import com.evscallpro.db.rules.RulesTables;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds the internal do-not-call list: a call qualified with a DO_NOT_CALL qualification puts the contact's number on
 * it, for every campaign. Listens to {@link CallQualified} (published once the process accepted the qualification);
 * the write runs on a thread of its own, never the publisher's.
 */
@Component
class DoNotCallFeeder {

    private static final Logger log = LoggerFactory.getLogger(DoNotCallFeeder.class);

    private final EventBus events;
    private final RulesTables tables;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private EventBus.Subscription subscription;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "evs-do-not-call");
        t.setDaemon(true);
        return t;
    });

    DoNotCallFeeder(EventBus events, RulesTables tables, AuditTrail audit, TransactionTemplate tx) {
        this.events = events;
        this.tables = tables;
        this.audit = audit;
        this.tx = tx;
    }

    @PostConstruct
    void subscribe() {
        subscription = events.subscribe(CallQualified.class, e -> {
            if (QualificationCategory.DO_NOT_CALL.name().equals(e.category())) {
                writer.execute(() -> record(e));
            }
        });
    }

    @PreDestroy
    void unsubscribe() {
        subscription.close();
        writer.shutdown();
    }

    void record(CallQualified q) {
        try {
            tx.executeWithoutResult(s -> tables.contactPhone(q.contactId()).ifPresent(phone -> {
                String reason = "qualified " + q.qualificationCode() + " (call " + q.callId() + ")";
                if (tables.addDoNotCall(phone, "QUALIFICATION", reason, "agent " + q.agentId(), q.campaignId())) {
                    audit.record("create", "do-not-call", PhoneMask.mask(phone), reason, null,
                            Map.of("campaignId", q.campaignId(), "agentId", q.agentId()));
                    log.info("Contact {} of campaign {} put on the do-not-call list ({})", q.contactId(),
                            q.campaignId(), q.qualificationCode());
                }
            }));
        } catch (RuntimeException e) {
            log.warn("Could not add contact {} to the do-not-call list", q.contactId(), e);
        }
    }
}
