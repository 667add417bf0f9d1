package com.evscallpro.app.telephony;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import com.evscallpro.telephony.PbxPort;
import com.evscallpro.telephony.asterisk.AsteriskAmiPbx;
import com.evscallpro.telephony.asterisk.MultiAsteriskPbx;
import com.evscallpro.telephony.yeastar.YeastarPbx;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The PBX connections as operations see them (with sites, {@link SitePbxRouter}: the details below under
 * {@code sites.<code>}, DEGRADED as soon as one site is not UP): {@code /actuator/health} component {@code pbx}, UP while every PBX
 * connection is up, {@code DEGRADED} when one or all are down (HTTP 200 still: the application itself works and
 * reconnects on its own, so a probe must not restart it; application.yml ranks DEGRADED between DOWN and UP so the
 * overall status shows it); details per Asterisk server: connected, host, reconnects, dead connections found by the
 * keep-alive; and Prometheus gauges {@code evs_pbx_connected{server=…}} (1 / 0) and
 * {@code evs_pbx_live_calls}. The details are shown to authenticated admins and supervisors only.
 */
@Component("pbx")
class PbxHealth implements HealthIndicator, MeterBinder {

    /** Telephony (partly) unavailable: no call can be placed on the servers that are down. */
    static final Status DEGRADED = new Status("DEGRADED", "a PBX connection is down: calls wait for it");

    private final PbxPort pbx;

    PbxHealth(PbxPort pbx) {
        this.pbx = pbx;
    }

    @Override
    public Health health() {
        if (pbx instanceof SitePbxRouter router) {
            Health.Builder health = router.isConnected() ? Health.up() : Health.status(DEGRADED);
            Map<String, Object> sites = new LinkedHashMap<>();
            router.sitePorts().forEach((code, port) -> {
                Health site = health(port);
                if (!Status.UP.equals(site.getStatus())) {
                    health.status(DEGRADED);
                }
                Map<String, Object> d = new LinkedHashMap<>(site.getDetails());
                d.put("status", site.getStatus().getCode());
                sites.put(code, d);
            });
            return health.withDetail("sites", sites).build();
        }
        return health(pbx);
    }

    /** One adapter's health (a site's). */
    private static Health health(PbxPort pbx) {
        Health.Builder health = pbx.isConnected() ? Health.up() : Health.status(DEGRADED);
        switch (pbx) {
            case MultiAsteriskPbx multi -> {
                if (multi.connectedServers().size() < multi.serverIds().size()) {
                    health.status(DEGRADED);
                }
                Map<String, Object> servers = new LinkedHashMap<>();
                for (String id : multi.serverIds()) {
                    servers.put(id, multi.server(id) instanceof AsteriskAmiPbx ami ? asterisk(ami)
                            : Map.of("connected", multi.server(id).isConnected()));
                }
                health.withDetail("adapter", "ASTERISK_AMI")
                        .withDetail("connectedServers", multi.connectedServers().size() + "/" + multi.serverIds().size())
                        .withDetail("servers", servers)
                        .withDetail("liveCalls", multi.liveCalls());
            }
            case AsteriskAmiPbx ami -> health.withDetail("adapter", "ASTERISK_AMI").withDetails(asterisk(ami));
            case YeastarPbx yeastar -> health.withDetail("adapter", "YEASTAR_API")
                    .withDetail("eventPushSubscribed", yeastar.isConnected())
                    .withDetail("liveCalls", yeastar.liveCalls());
            default -> health.withDetail("adapter", pbx.getClass().getSimpleName());
        }
        return health.build();
    }

    private static Map<String, Object> asterisk(AsteriskAmiPbx ami) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("connected", ami.isConnected());
        d.put("host", ami.settings().host() + ":" + ami.settings().port());
        d.put("reconnects", ami.reconnectCount());
        d.put("deadConnectionsDetected", ami.deadConnectionsDetected());
        d.put("queuedEvents", ami.queuedEvents());
        return d;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (pbx instanceof SitePbxRouter router) {
            Gauge.builder("evs.pbx.connected", router, r -> r.isConnected() ? 1 : 0)
                    .description("1 while the connection to at least one site's PBX is up").tag("server", "default")
                    .register(registry);
            return;
        }
        if (pbx instanceof MultiAsteriskPbx multi) {
            for (String id : multi.serverIds()) {
                PbxPort server = multi.server(id);
                Gauge.builder("evs.pbx.connected", server, s -> s.isConnected() ? 1 : 0)
                        .description("1 while the connection to this PBX is up").tag("server", id).register(registry);
            }
            Gauge.builder("evs.pbx.live.calls", multi, MultiAsteriskPbx::liveCalls)
                    .description("calls followed on the PBX now").register(registry);
        } else {
            Gauge.builder("evs.pbx.connected", pbx, s -> s.isConnected() ? 1 : 0)
                    .description("1 while the connection to the PBX is up").tag("server", "default").register(registry);
            if (pbx instanceof YeastarPbx yeastar) {
                Gauge.builder("evs.pbx.live.calls", yeastar, YeastarPbx::liveCalls)
                        .description("calls followed on the PBX now").register(registry);
            }
        }
    }
}
