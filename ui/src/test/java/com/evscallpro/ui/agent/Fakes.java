package com.evscallpro.ui.agent;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.event.DomainEvent;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.qualification.Qualification;
import com.evscallpro.core.qualification.Qualification.QualificationCategory;
import com.evscallpro.core.task.AgentTaskService;
import com.evscallpro.core.task.ScreenPop;
import com.evscallpro.core.task.WrapUpTask;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Small in-test stand-ins for the core services. */
final class Fakes {

    private Fakes() {
    }

    static WrapUpTask task(long agentId, String callId) {
        return new WrapUpTask(callId, agentId, 7, "Assurance auto",
                new ScreenPop(42, "Jeanne", "Martin", "+33612345678", Map.of("contrat", "A-17"), 2),
                List.of(new Qualification("SALE", "Vente", "Sale", QualificationCategory.POSITIVE),
                        new Qualification("CB", "Rappel", "Call back", QualificationCategory.CALLBACK)),
                Instant.parse("2025-01-01T10:00:00Z"));
    }

    static final class Agents {
        /** The core interface over this fake (new interface methods do not break the build). */
        AgentService service() {
            return mock(AgentService.class, delegatesTo(this));
        }

        final Map<Long, AgentStatus> statuses = new HashMap<>();
        RuntimeException failNext;

        AgentStatus set(long userId, AgentState state) {
            AgentStatus s = new AgentStatus(userId, "u" + userId, "User " + userId, "10" + userId, state,
                    state == AgentState.PAUSED ? "break" : null, Instant.now(), null);
            statuses.put(userId, s);
            return s;
        }

        private AgentStatus move(long userId, AgentState to, AgentState... legalFrom) {
            if (failNext != null) {
                RuntimeException e = failNext;
                failNext = null;
                throw e;
            }
            AgentState from = status(userId).state();
            if (!List.of(legalFrom).contains(from)) {
                throw new EvsException("agent.cannot-ready", from);
            }
            return set(userId, to);
        }

        public AgentStatus goReady(long userId) {
            return move(userId, AgentState.READY, AgentState.OFFLINE, AgentState.PAUSED, AgentState.WRAP_UP);
        }

        public AgentStatus pause(long userId, String reason) {
            return move(userId, AgentState.PAUSED, AgentState.READY, AgentState.OFFLINE);
        }

        public AgentStatus logOut(long userId) {
            return set(userId, AgentState.OFFLINE);
        }

        public AgentStatus status(long userId) {
            return statuses.computeIfAbsent(userId, id -> new AgentStatus(id, "u" + id, "User " + id, null,
                    AgentState.OFFLINE, null, null, null));
        }

        public List<AgentStatus> statuses() {
            return new ArrayList<>(statuses.values());
        }
    }

    static final class Tasks {
        AgentTaskService service() {
            return mock(AgentTaskService.class, delegatesTo(this));
        }

        final Agents agents;
        final Map<Long, WrapUpTask> current = new HashMap<>();
        final List<String> qualified = new ArrayList<>();
        boolean customerOnLine;

        Tasks(Agents agents) {
            this.agents = agents;
        }

        public Optional<WrapUpTask> currentTask(long agentId) {
            return Optional.ofNullable(current.get(agentId));
        }

        final List<Map<String, Object>> scriptAnswers = new ArrayList<>();

        public void qualify(long agentId, String callId, String code, Instant callbackAt, String comment,
                            boolean hangUp, Map<String, Object> answers) {
            WrapUpTask task = current.get(agentId);
            if (task == null || !task.callId().equals(callId)) {
                throw new IllegalStateException("no task for call " + callId);
            }
            Qualification q = task.qualifications().stream().filter(x -> x.code().equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown qualification " + code));
            if (q.category() == QualificationCategory.CALLBACK && callbackAt == null) {
                throw new IllegalArgumentException("a callback needs a time");
            }
            if (customerOnLine && !hangUp) {
                throw new EvsException("task.customer-on-line");
            }
            current.remove(agentId);
            qualified.add(callId + ":" + code + ":" + callbackAt + ":" + comment + (hangUp ? ":hangup" : ""));
            scriptAnswers.add(answers);
            agents.set(agentId, AgentState.READY);
        }
    }

    static final class Bus {
        EventBus service() {
            return mock(EventBus.class, delegatesTo(this));
        }

        private record Sub(Class<?> type, Consumer<Object> consumer) {
        }

        final List<Sub> subs = new CopyOnWriteArrayList<>();

        public void publish(DomainEvent event) {
            subs.stream().filter(s -> s.type().isInstance(event)).forEach(s -> s.consumer().accept(event));
        }

        @SuppressWarnings("unchecked")
        public <E extends DomainEvent> EventBus.Subscription subscribe(Class<E> type, Consumer<? super E> consumer) {
            Sub sub = new Sub(type, e -> ((Consumer<Object>) consumer).accept(e));
            subs.add(sub);
            return () -> subs.remove(sub);
        }

        int subscriberCount() {
            return subs.size();
        }
    }
}
