package com.evscallpro.core.recording;

import com.evscallpro.core.call.PbxCallIds;
import com.evscallpro.core.testsupport.MutableClock;
import com.evscallpro.simulator.CustomerBehaviour;
import com.evscallpro.simulator.CustomerScript;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.SimulatorSettings;
import com.evscallpro.telephony.asterisk.AmiSettings;
import com.evscallpro.telephony.asterisk.AsteriskAmiPbx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The recording services with a real PBX path: the simulator over TCP (its recordings directory is the sounds
 * directory of the test site's Asterisk {@code ast-1}, as an NFS mount would make it) and the AMI adapter.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = {"com.evscallpro.core.recording", "com.evscallpro.db.recording"})
class RecordingTestConfig {

    static final String CUSTOMER = "+33612345679";

    @Bean(destroyMethod = "close")
    PbxSimulator pbxSimulator() {
        Path sounds = RecordingServiceTest.MEDIA_ROOT.resolve(RecordingServiceTest.SITE).resolve("ast-1");
        return new PbxSimulator(SimulatorSettings.defaults()
                .withCustomers(CustomerScript.random(3).with(CUSTOMER,
                        CustomerBehaviour.answerAndStay(Duration.ofMillis(30))))
                .withAgentAnswerDelay(Duration.ofMillis(30)).withRecordingsDir(sounds)).start();
    }

    @Bean(destroyMethod = "close")
    AsteriskAmiPbx pbx(PbxSimulator sim) throws InterruptedException {
        AsteriskAmiPbx pbx = new AsteriskAmiPbx(AmiSettings.of("127.0.0.1", sim.port(), "evs", "evs-secret")
                .withReconnect(Duration.ofMillis(100), Duration.ofMillis(500))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)));
        pbx.start();
        pbx.awaitConnected(Duration.ofSeconds(10));
        return pbx;
    }

    /** Inbound calls: our id → the id the AMI adapter knows the call by (the IVR's mapping, here filled by tests). */
    static final java.util.Map<String, String> PBX_IDS = new java.util.concurrent.ConcurrentHashMap<>();

    @Bean
    PbxCallIds pbxCallIds() {
        return callId -> java.util.Optional.ofNullable(PBX_IDS.get(callId));
    }

    @Bean
    MutableClock clock() {
        return new MutableClock(Instant.now());
    }
}
