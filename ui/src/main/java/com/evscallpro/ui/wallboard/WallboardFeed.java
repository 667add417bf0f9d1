package com.evscallpro.ui.wallboard;

import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.wallboard.WallboardAlert;
import com.evscallpro.core.wallboard.WallboardChanged;
import com.evscallpro.core.wallboard.WallboardSnapshot;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.List;
import java.util.function.Consumer;

/** A page's subscription to the wallboards' pushes, delivered in its UI; closed when the page detaches. */
final class WallboardFeed implements AutoCloseable {

    private final List<EventBus.Subscription> subscriptions;

    WallboardFeed(EventBus events, UI ui, Consumer<WallboardSnapshot> onChange, Consumer<WallboardAlert> onAlert) {
        subscriptions = List.of(
                events.subscribe(WallboardChanged.class, e -> inUi(ui, () -> onChange.accept(e.snapshot()))),
                events.subscribe(WallboardAlert.class, e -> inUi(ui, () -> onAlert.accept(e))));
    }

    private static void inUi(UI ui, Runnable action) {
        try {
            ui.access(action::run);
        } catch (UIDetachedException ignored) {
            // the page is gone; its subscriptions go with the detach
        }
    }

    @Override
    public void close() {
        subscriptions.forEach(EventBus.Subscription::close);
    }
}
