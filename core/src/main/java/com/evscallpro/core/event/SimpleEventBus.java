package com.evscallpro.core.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The single in-process bus. A failing subscriber is logged and never stops the others or the publisher. */
@Component
class SimpleEventBus implements EventBus {

    private static final Logger log = LoggerFactory.getLogger(SimpleEventBus.class);

    private final List<Registration<?>> registrations = new CopyOnWriteArrayList<>();

    @Override
    public void publish(DomainEvent event) {
        for (Registration<?> registration : registrations) {
            registration.offer(event);
        }
    }

    @Override
    public <E extends DomainEvent> Subscription subscribe(Class<E> type, Consumer<? super E> consumer) {
        Registration<E> registration = new Registration<>(type, consumer);
        registrations.add(registration);
        return () -> registrations.remove(registration);
    }

    private record Registration<E extends DomainEvent>(Class<E> type, Consumer<? super E> consumer) {
        void offer(DomainEvent event) {
            if (!type.isInstance(event)) {
                return;
            }
            try {
                consumer.accept(type.cast(event));
            } catch (RuntimeException e) {
                log.warn("Subscriber for {} failed on {}", type.getSimpleName(), event.getClass().getSimpleName(), e);
            }
        }
    }
}
