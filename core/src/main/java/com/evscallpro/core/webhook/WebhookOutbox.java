package com.evscallpro.core.webhook;

import com.evscallpro.core.call.LiveCall;
import com.evscallpro.core.call.LiveCallChanged;
import com.evscallpro.core.contact.ContactClosed;
import com.evscallpro.core.contact.ContactsImported;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.task.CallQualified;
import com.evscallpro.db.webhook.WebhookTables;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns call and contact events into deliveries in the outbox, one per subscribed active endpoint. Events published
 * inside a transaction (contacts) are written once it committed (a rolled-back import sends nothing); the call
 * events come from the call tracker outside any transaction and are written at once, on a thread of their own (never
 * the PBX dispatcher's). The envelope:
 * {@code {"schemaVersion":1,"id":<uuid>,"type":"call.answered","occurredAt":...,"data":{...}}}.
 */
@Component
class WebhookOutbox {

    static final int SCHEMA_VERSION = 1;
    private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);

    private final WebhookTables tables;
    private final EventBus events;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** The last call event sent per live call, so that each of started / answered / ended goes once. */
    private final Map<String, WebhookEventType> sentPerCall = new ConcurrentHashMap<>();
    private EventBus.Subscription calls;
    private EventBus.Subscription qualified;
    /** Call events arrive on the PBX dispatcher and agents' threads: the database work is done here, in order. */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "evs-webhook-outbox");
        t.setDaemon(true);
        return t;
    });

    WebhookOutbox(WebhookTables tables, EventBus events) {
        this.tables = tables;
        this.events = events;
    }

    @PostConstruct
    void subscribe() {
        calls = events.subscribe(LiveCallChanged.class, e -> writer.execute(() -> onCall(e.call())));
        qualified = events.subscribe(CallQualified.class, e -> writer.execute(() -> onQualified(e)));
    }

    @PreDestroy
    void unsubscribe() {
        calls.close();
        qualified.close();
        writer.shutdown();
    }

    void onCall(LiveCall call) {
        WebhookEventType last = sentPerCall.get(call.callId());
        if (last == null) {
            publish(WebhookEventType.CALL_STARTED, () -> callData(call));
            sentPerCall.put(call.callId(), WebhookEventType.CALL_STARTED);
        }
        if (call.state() == LiveCall.LiveCallState.CONNECTED && last != WebhookEventType.CALL_ANSWERED) {
            publish(WebhookEventType.CALL_ANSWERED, () -> callData(call));
            sentPerCall.put(call.callId(), WebhookEventType.CALL_ANSWERED);
        }
        if (call.state() == LiveCall.LiveCallState.ENDED) {
            publish(WebhookEventType.CALL_ENDED, () -> callData(call));
            sentPerCall.remove(call.callId());
        }
    }

    private Map<String, Object> callData(LiveCall call) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("callId", call.callId());
        data.put("campaignId", call.campaignId());
        data.put("campaignName", call.campaignName());
        data.put("contactId", call.contactId());
        data.put("phone", phoneOf(call.contactId()));
        data.put("agentId", call.agentId());
        data.put("state", call.state().name());
        data.put("startedAt", call.startedAt());
        data.put("answeredAt", call.answeredAt());
        return data;
    }

    void onQualified(CallQualified q) {
        publish(WebhookEventType.CALL_QUALIFIED, () -> qualifiedData(q));
    }

    private Map<String, Object> qualifiedData(CallQualified q) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("callId", q.callId());
        data.put("campaignId", q.campaignId());
        data.put("contactId", q.contactId());
        data.put("phone", phoneOf(q.contactId()));
        data.put("agentId", q.agentId());
        data.put("qualificationCode", q.qualificationCode());
        data.put("category", q.category());
        data.put("callbackAt", q.callbackAt());
        return data;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onImported(ContactsImported e) {
        publish(WebhookEventType.CONTACT_IMPORTED, () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("campaignId", e.campaignId());
            data.put("imported", e.imported());
            data.put("rejected", e.rejected());
            return data;
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onClosed(ContactClosed e) {
        publish(WebhookEventType.CONTACT_CLOSED, () -> closedData(e));
    }

    private Map<String, Object> closedData(ContactClosed e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("contactId", e.contactId());
        tables.contactFacts(e.contactId()).ifPresent(c -> {
            data.put("campaignId", c.get("campaign_id"));
            data.put("phone", c.get("phone_e164"));
            data.put("lastOutcome", c.get("last_outcome"));
            data.put("lastQualificationCode", c.get("last_qualification_code"));
        });
        return data;
    }

    private String phoneOf(long contactId) {
        return tables.contactFacts(contactId).map(c -> (String) c.get("phone_e164")).orElse(null);
    }

    /** Queues the event for its subscribers; its data is read only when someone subscribed. */
    private void publish(WebhookEventType type, Supplier<Map<String, Object>> data) {
        try {
            var endpoints = tables.subscribers(type.wireName());
            if (endpoints.isEmpty()) {
                return;
            }
            UUID id = UUID.randomUUID();
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("schemaVersion", SCHEMA_VERSION);
            envelope.put("id", id);
            envelope.put("type", type.wireName());
            envelope.put("occurredAt", Instant.now().truncatedTo(ChronoUnit.MILLIS));
            envelope.put("data", data.get());
            String body = json.writeValueAsString(envelope);
            endpoints.forEach(e -> tables.enqueue(e.id(), id, type.wireName(), body));
            log.debug("Webhook event {} {} queued for {} endpoint(s)", type.wireName(), id, endpoints.size());
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("Webhook event {} could not be queued: {}", type.wireName(), e.toString());
        }
    }
}
