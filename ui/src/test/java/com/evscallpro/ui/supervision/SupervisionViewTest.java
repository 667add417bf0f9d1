package com.evscallpro.ui.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.call.LiveCall;
import com.evscallpro.core.call.LiveCallService;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.ui.FakeVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.html.Span;

class SupervisionViewTest {

    private FakeVaadin vaadin;
    private final AtomicBoolean pbxUp = new AtomicBoolean(true);

    @AfterEach
    void tearDown() {
        vaadin.close();
    }

    private SupervisionView attached(Locale locale) {
        vaadin = new FakeVaadin(locale);
        AgentService agents = mock(AgentService.class);
        when(agents.statuses()).thenReturn(List.of());
        EventBus bus = mock(EventBus.class);
        when(bus.subscribe(any(), any())).thenReturn(() -> { });
        LiveCallService calls = new LiveCallService() {
            @Override
            public List<LiveCall> liveCalls() {
                return List.of();
            }

            @Override
            public boolean telephonyConnected() {
                return pbxUp.get();
            }
        };
        SupervisionView view = new SupervisionView(agents, calls, bus, new NoQueues(),
                com.evscallpro.ui.FakePauseReasons.labels());
        vaadin.ui().add(view);
        return view;
    }

    private Span telephony(Component root) {
        return (Span) root.getChildren().filter(c -> c.getId().filter("pbx-status"::equals).isPresent()).findFirst()
                .orElseThrow();
    }

    private void tick() {
        ComponentUtil.fireEvent(vaadin.ui(), new PollEvent(vaadin.ui(), true));
    }

    @Test
    void the_board_says_when_telephony_goes_down_and_comes_back_at_the_next_tick() {
        SupervisionView view = attached(Locale.ENGLISH);
        Span status = telephony(view);
        assertThat(status.getElement().getAttribute("data-state")).isEqualTo("UP");
        assertThat(status.getText()).isEqualTo("Telephony connected");

        pbxUp.set(false);
        tick();
        assertThat(status.getElement().getAttribute("data-state")).isEqualTo("DOWN");
        assertThat(status.getText()).startsWith("Telephony disconnected");

        pbxUp.set(true);
        tick();
        assertThat(status.getElement().getAttribute("data-state")).isEqualTo("UP");
    }

    @Test
    void in_french_too() {
        pbxUp.set(false);
        SupervisionView view = attached(Locale.FRENCH);
        assertThat(telephony(view).getText()).startsWith("Téléphonie déconnectée");
    }

    /** No inbound queue (the queues panel is covered by the sandbox's browser test). */
    private static final class NoQueues implements com.evscallpro.core.queue.InboundQueues {
        @Override
        public com.evscallpro.core.queue.QueueTicket enqueue(com.evscallpro.core.queue.QueuedCall call,
                                                             com.evscallpro.core.queue.QueueListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void leave(String callId, com.evscallpro.core.queue.LeaveReason reason) {
        }

        @Override
        public void callEnded(String callId) {
        }

        @Override
        public java.util.Optional<com.evscallpro.core.queue.QueuePosition> position(String callId) {
            return java.util.Optional.empty();
        }

        @Override
        public List<com.evscallpro.core.queue.QueueStatus> statuses() {
            return List.of();
        }

        @Override
        public boolean needs(long agentUserId) {
            return false;
        }
    }
}
