package com.evscallpro.bench.web;

import com.evscallpro.core.agent.AgentStatusChanged;
import com.evscallpro.core.call.LiveCallChanged;
import com.evscallpro.core.event.EventBus;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Route;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Bench only (never in the product): the baseline of the supervision benchmark, an empty Vaadin page that pushes,
 * for every agent and call event on the bus, one {@code <span data-key data-ts>} carrying the event's server
 * timestamp (the same one the supervision screen shows): nothing but the raw cost of a Vaadin push to a browser
 * under the same load. The last {@link #KEEP} spans are kept. Any signed-in user may open it. The application
 * scans only {@code com.evscallpro.ui} for routes: {@link #register} adds this one to a running application.
 */
@Route("bench-push-probe")
@jakarta.annotation.security.PermitAll
class PushProbeView extends Div {

    private static final int KEEP = 50;

    private final EventBus events;
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();

    PushProbeView(EventBus events) {
        this.events = events;
        setId("push-probe");
    }

    /** Adds the route to the running application's route registry. */
    static void register(org.springframework.context.ApplicationContext context) {
        jakarta.servlet.ServletContext servletContext = ((org.springframework.web.context.WebApplicationContext) context)
                .getServletContext();
        com.vaadin.flow.router.RouteConfiguration.forRegistry(com.vaadin.flow.server.startup.ApplicationRouteRegistry
                        .getInstance(new com.vaadin.flow.server.VaadinServletContext(servletContext)))
                .setAnnotatedRoute(PushProbeView.class);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        subscriptions.add(events.subscribe(AgentStatusChanged.class, e -> {
            if (e.status() != null && e.status().since() != null) {
                show(ui, "a" + e.status().userId(), e.status().since());
            }
        }));
        subscriptions.add(events.subscribe(LiveCallChanged.class, e -> {
            if (e.call() != null && e.call().changedAt() != null) {
                show(ui, "c" + e.call().callId(), e.call().changedAt());
            }
        }));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        subscriptions.forEach(EventBus.Subscription::close);
        subscriptions.clear();
        super.onDetach(detachEvent);
    }

    private void show(UI ui, String key, Instant ts) {
        try {
            ui.access(() -> {
                Span s = new Span();
                s.getElement().setAttribute("data-key", key).setAttribute("data-ts", Long.toString(ts.toEpochMilli()));
                add(s);
                if (getComponentCount() > KEEP) {
                    remove(getComponentAt(0));
                }
            });
        } catch (UIDetachedException ignored) {
            // closing
        }
    }
}
