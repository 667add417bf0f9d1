package com.evscallpro.core.agent;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs {@link AgentPresence#check()} every {@link PresenceSettings#checkEvery()}, and at shutdown logs every agent
 * out while the database is still there: a {@link SmartLifecycle} stops before any bean (the connection pool
 * included) is destroyed, and this phase is right after the web server's (no more user action comes in).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PresenceSettings.class)
class AgentPresenceLoop implements SmartLifecycle {

    /** Just below the web server's stop phase ({@code SmartLifecycle.DEFAULT_PHASE - 2048}): stopped after it. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048 - 1;

    private static final Logger log = LoggerFactory.getLogger(AgentPresenceLoop.class);

    private final AgentService agents;
    private final PresenceSettings settings;
    private final AgentPresence presence;
    private ScheduledExecutorService loop;

    AgentPresenceLoop(AgentService agents, PresenceSettings settings) {
        this.agents = agents;
        this.settings = settings;
        this.presence = new AgentPresence(agents, settings, Clock.systemUTC());
    }

    @Bean
    AgentPresence agentPresence() {
        return presence;
    }

    @Override
    public synchronized void start() {
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "evs-agent-presence");
            t.setDaemon(true);
            return t;
        });
        long every = settings.checkEvery().toMillis();
        loop.scheduleWithFixedDelay(presence::check, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (loop != null) {
            loop.shutdownNow();
            loop = null;
        }
        int count = agents.logOutAll();
        log.info("Shutdown: {} agent(s) logged out", count);
    }

    @Override
    public synchronized boolean isRunning() {
        return loop != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
