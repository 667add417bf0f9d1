package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.health.StatusAggregator;
import org.springframework.boot.actuate.health.SystemHealth;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The pbx and recordingStorage health components and gauges as the running application wires them (sandbox stack,
 * simulator on AMI, recordings in the S3 server of {@link TestObjectStore}).
 */
class OperationsEndpointsTest {

    private final SandboxTestContext stack = SandboxTestContext.get();

    @Test
    void health_has_the_pbx_component_the_public_endpoint_answers_200_and_the_gauge_is_registered() throws Exception {
        HealthComponent pbx = stack.bean(HealthEndpoint.class).healthForPath("pbx");
        assertThat(pbx).isNotNull();
        assertThat(pbx.getStatus()).isEqualTo(Status.UP);
        SystemHealth all = (SystemHealth) stack.bean(HealthEndpoint.class).health();
        assertThat(all.getComponents()).containsKey("pbx");

        assertThat(stack.bean(MeterRegistry.class).get("evs.pbx.connected").tag("server", "default").gauge().value())
                .isEqualTo(1.0);
        // a PBX that is down degrades the status without failing a probe; DOWN still fails it
        Status degraded = new Status("DEGRADED");
        assertThat(stack.bean(StatusAggregator.class).getAggregateStatus(Status.UP, degraded, Status.UP))
                .as("ranked below UP: the overall status shows it").isEqualTo(degraded);
        assertThat(stack.bean(StatusAggregator.class).getAggregateStatus(degraded, Status.DOWN)).isEqualTo(Status.DOWN);
        HttpCodeStatusMapper codes = stack.bean(HttpCodeStatusMapper.class);
        assertThat(codes.getStatusCode(degraded)).isEqualTo(200);
        assertThat(codes.getStatusCode(Status.DOWN)).isEqualTo(503);

        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + stack.httpPort() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("127.0.0.1")
                .as("details only for admins and supervisors").doesNotContain("\"pbx\"");
    }

    @Test
    void the_recording_storage_component_is_up_while_the_bucket_answers_and_degraded_while_it_does_not() {
        HealthEndpoint health = stack.bean(HealthEndpoint.class);
        Health up = (Health) health.healthForPath("recordingStorage");
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails()).containsEntry("location", "s3://" + TestObjectStore.BUCKET + "/ at "
                + stack.objects().endpoint());
        assertThat(up.getDetails().toString()).doesNotContain(TestObjectStore.SECRET_KEY);
        Gauge storageUp = stack.bean(MeterRegistry.class).get("evs.recording.storage.up").gauge();
        assertThat(storageUp.value()).isEqualTo(1.0);

        stack.objects().down();
        try {
            // kept 10 s by the indicator: a probe does not call the store each time
            Health degraded = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> (Health) health.healthForPath("recordingStorage"),
                            h -> h.getStatus().getCode().equals("DEGRADED"));
            assertThat(degraded.getDetails()).containsKey("error");
            assertThat(stack.bean(HttpCodeStatusMapper.class).getStatusCode(degraded.getStatus())).isEqualTo(200);
            assertThat(storageUp.value()).isZero();
        } finally {
            stack.objects().up();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> health.healthForPath("recordingStorage").getStatus().equals(Status.UP));
    }
}
