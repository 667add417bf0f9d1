package com.evscallpro.sandbox;

import com.evscallpro.simulator.CustomerScript;
import java.time.Duration;

/** How the demo's simulated customers behave: most answer after a short ring and talk a while; some are busy. */
final class DemoCustomers {

    private DemoCustomers() {
    }

    static CustomerScript script() {
        return CustomerScript.random(20261128L)
                .answerProbability(0.7)
                .busyShare(0.5)
                .ringTime(Duration.ofSeconds(1), Duration.ofSeconds(4))
                .talkTime(Duration.ofSeconds(20), Duration.ofSeconds(60));
    }
}
