package com.evscallpro.core.event;

import java.util.function.Consumer;

/** In-process publish / subscribe. Subscribers run on the publisher's thread and must not block. */
public interface EventBus {

    void publish(DomainEvent event);

    /** Subscribes to every event of the given type (and its subtypes); close the result to unsubscribe. */
    <E extends DomainEvent> Subscription subscribe(Class<E> type, Consumer<? super E> consumer);

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
