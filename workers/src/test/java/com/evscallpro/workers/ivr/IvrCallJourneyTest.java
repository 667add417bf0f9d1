package com.evscallpro.workers.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * A call's journey rows are stored off the caller's steps, on virtual threads: one after the other in the order they
 * were given, and {@link IvrCall#journeyStored} waits for all of them (the queue's screen-pop reads the path).
 */
class IvrCallJourneyTest {

    @Test
    void rows_are_stored_in_the_order_given_and_journey_stored_waits_for_them() {
        IvrCall call = new IvrCall("call-journey", null, null, "+33100000000", "+33600000000");
        List<Integer> stored = new CopyOnWriteArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 1; i <= 5; i++) {
                int row = i;
                call.storeJourney(() -> {
                    sleep(6 - row); // the first rows are the slowest: unordered, they would be stored last
                    stored.add(row);
                }, executor);
            }
            call.journeyStored(Duration.ofSeconds(5));
            assertThat(stored).containsExactly(1, 2, 3, 4, 5);
        }
    }

    @Test
    void a_failing_row_does_not_stop_the_next_ones_and_a_stopped_executor_stores_here_and_now() {
        IvrCall call = new IvrCall("call-journey-2", null, null, "+33100000000", "+33600000000");
        List<String> stored = new CopyOnWriteArrayList<>();
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        call.storeJourney(() -> {
            throw new IllegalStateException("database away");
        }, executor);
        call.storeJourney(() -> stored.add("after the failure"), executor);
        call.journeyStored(Duration.ofSeconds(5));
        assertThat(stored).containsExactly("after the failure");
        executor.shutdown();
        call.storeJourney(() -> stored.add("stopping"), executor);
        assertThat(stored).containsExactly("after the failure", "stopping");
    }

    private static void sleep(int tens) {
        try {
            Thread.sleep(tens * 10L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
