package com.evscallpro.core.campaign;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Moves RUNNING campaigns whose contacts are all final to FINISHED, every {@code evs.campaigns.completion-check}
 * (default 30 s). Stops with the application before the database pool closes.
 */
@Component
class CampaignCompletion implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CampaignCompletion.class);

    private final CampaignService campaigns;
    private final Duration every;
    private ScheduledExecutorService loop;

    CampaignCompletion(CampaignService campaigns,
                       @Value("${evs.campaigns.completion-check:30s}") Duration every) {
        this.campaigns = campaigns;
        this.every = every;
    }

    void check() {
        try {
            campaigns.finishCompleted();
        } catch (RuntimeException e) {
            log.warn("Campaign completion check failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "evs-campaign-completion");
            t.setDaemon(true);
            return t;
        });
        loop.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (loop != null) {
            loop.shutdownNow();
            loop = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return loop != null;
    }
}
