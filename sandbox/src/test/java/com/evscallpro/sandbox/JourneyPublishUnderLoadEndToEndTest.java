package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.call.NewOutboundCall;
import com.evscallpro.core.call.OutboundCallTracker;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.ContactStatus;
import com.evscallpro.core.contact.ContactView;
import com.evscallpro.core.contact.DialableContact;
import com.evscallpro.core.flow.FlowKind;
import com.evscallpro.core.flow.FlowService;
import com.evscallpro.core.flow.FlowView;
import com.evscallpro.core.process.OutboundAttempt;
import com.evscallpro.core.process.ProcessGateway;
import com.evscallpro.processes.OutboundCallProcess;
import com.evscallpro.simulator.CustomerBehaviour;
import com.evscallpro.telephony.PbxPort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's performance test: publishing a journey while 200 calls run on the previous version drops none. 200
 * attempts are placed as the dialer places them (the call registered with the tracker, its journey instance started
 * through the process gateway, {@code pbx.originate} dialling the simulator over AMI, from 4 threads); their customers
 * ring. While every one of them is still ringing on version 1, the analyst publishes version 2 (its retries wait two
 * hours) and 10 more attempts are placed. Then every call is hung up on the PBX (AMI Hangup through the application's
 * PBX port, as its own ring timeout does), so every outcome reaches its instance after the publish. Then: every one of
 * the 200 instances completes on version 1 (none lost, none stuck, no incident), each contact is scheduled again with
 * version 1's retry (the campaign's 60 s) after a NO_ANSWER, and the 10 attempts
 * placed after the publish ran on version 2 and schedule theirs two hours later. The calls end when the test ends them,
 * not on a timer, so a slow machine only makes it slower (placing 200 attempts took 20 to 50 s on a loaded 2-core
 * machine).
 */
class JourneyPublishUnderLoadEndToEndTest {

    private static final int CALLS = 200;
    private static final int AFTER = 10;
    /** The originate's ring time: far longer than the test, whose hang-ups end the calls. */
    private static final Duration RING = Duration.ofMinutes(10);

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final FlowService flows = stack.bean(FlowService.class);

    @Test
    void publishing_a_journey_while_200_calls_run_on_the_previous_version_drops_none() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String processId = "journey-load-" + suffix;
        FlowView journey = flows.create(FlowKind.OUTBOUND_CALL, "Journey load " + suffix, null,
                JourneyFlowEndToEndTest.shippedJourneyAs(flows, processId), null);
        flows.publish(journey.draftVersionId(), "v1");
        long key1 = flows.definitionKey(processId);
        CampaignService campaigns = stack.bean(CampaignService.class);
        // a DRAFT campaign: the dialer leaves it alone, the test places its attempts as the dialer would
        long campaignId = stack.withoutCallingRules(campaigns.create(new NewCampaign("Journey load " + suffix, 3, 60,
                30, "+33170000001")));
        flows.bindJourney(campaignId, journey.id());

        List<ContactInput> inputs = new ArrayList<>();
        int base = Math.floorMod(suffix.hashCode(), 9000) * 300;
        for (int i = 0; i < CALLS + AFTER; i++) {
            String number = String.format("+3362%07d", base + i);
            SandboxTestContext.customers.with(number, CustomerBehaviour.noAnswer()); // rings until hung up
            inputs.add(new ContactInput("Load", "N" + i, number, Map.of()));
        }
        assertThat(stack.bean(ContactImportService.class).importContacts(campaignId, inputs).imported())
                .isEqualTo(CALLS + AFTER);
        ContactLifecycleService contacts = stack.bean(ContactLifecycleService.class);

        Instant placing = Instant.now();
        Map<String, Long> placedBefore = place(campaignId, contacts.claimDue(campaignId, CALLS));
        Set<Long> before = new HashSet<>(placedBefore.values());
        System.out.println("[journey-load] " + CALLS + " attempts placed in "
                + Duration.between(placing, Instant.now()).toMillis() + " ms");
        assertThat(before).hasSize(CALLS);
        awaitDialled(before);
        assertThat(JourneyRecords.definitionKeys(stack, before).values()).containsOnly(key1);
        assertThat(stack.endedInstances(before)).as("every call still runs on v1 when v2 is published").isEmpty();

        flows.publish(flows.saveDraft(journey.id(), JourneyFlowEndToEndTest.withRetryDelay(
                flows.bpmn(flows.flow(journey.id()).orElseThrow().publishedVersionId()), 7200), "v2").id(), "v2");
        long key2 = flows.definitionKey(processId);
        assertThat(key2).isNotEqualTo(key1);
        Instant published = Instant.now();
        Map<String, Long> placedAfter = place(campaignId, contacts.claimDue(campaignId, AFTER));
        Set<Long> after = new HashSet<>(placedAfter.values());
        assertThat(JourneyRecords.definitionKeys(stack, after).values()).containsOnly(key2);

        awaitDialled(after);
        // every call ends now, unanswered (cause 19): the outcomes reach v1's instances after the publish
        PbxPort pbx = stack.bean(PbxPort.class);
        List<java.util.concurrent.CompletableFuture<Void>> hangups = new ArrayList<>();
        placedBefore.keySet().forEach(callId -> hangups.add(pbx.hangup(callId, 19)));
        placedAfter.keySet().forEach(callId -> hangups.add(pbx.hangup(callId, 19)));
        hangups.forEach(java.util.concurrent.CompletableFuture::join);

        Set<Long> all = new HashSet<>(before);
        all.addAll(after);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> JourneyRecords.completed(stack, all).size() == all.size());
        assertThat(JourneyRecords.withIncidents(stack, all)).as("no incident").isEmpty();
        assertThat(JourneyRecords.definitionKeys(stack, before).values()).as("v1's calls finished on v1")
                .containsOnly(key1);

        List<ContactView> done = await().atMost(Duration.ofSeconds(60)).until(
                () -> contacts.contacts(campaignId, 0, CALLS + AFTER),
                list -> list.stream().allMatch(c -> c.status() == ContactStatus.RETRY));
        Map<Boolean, List<ContactView>> byVersion = done.stream().collect(Collectors.partitioningBy(
                c -> c.nextAttemptAt().isAfter(published.plusSeconds(3600))));
        assertThat(byVersion.get(false)).as("v1's retry: the campaign's 60 s").hasSize(CALLS);
        assertThat(byVersion.get(true)).as("v2's retry: two hours").hasSize(AFTER);
        assertThat(done).allSatisfy(c -> {
            assertThat(c.attempts()).isEqualTo(1);
            assertThat(c.lastOutcome()).isEqualTo("NO_ANSWER");
        });
    }

    /** Until the PBX took every instance's originate (its {@code DialCustomerTask} completed): they ring. */
    private void awaitDialled(Set<Long> instances) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> JourneyRecords
                .completed(stack, instances, OutboundCallProcess.DIAL_CUSTOMER_TASK).size() == instances.size());
    }

    /** Places the attempts as the dialer does; returns their process instances by call id. */
    private Map<String, Long> place(long campaignId, List<DialableContact> claimed) {
        OutboundCallTracker tracker = stack.bean(OutboundCallTracker.class);
        ProcessGateway processes = stack.bean(ProcessGateway.class);
        java.util.concurrent.ExecutorService dialers = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            Map<String, java.util.concurrent.Future<Long>> started = new HashMap<>();
            for (DialableContact c : claimed) { // the dialer places attempts from several threads too
                String callId = "load-" + UUID.randomUUID();
                started.put(callId, dialers.submit(() -> {
                    tracker.register(new NewOutboundCall(callId, campaignId, "Journey load", c.contactId(),
                            c.lastName(), c.phoneE164(), 0, null, "2990", c.attempt(), "+33170000001", RING));
                    return processes.startAttempt(new OutboundAttempt(callId, campaignId, c.contactId(), 0, "2990",
                            c.phoneE164(), "+33170000001", c.attempt(), 3, 60, RING, RING.plusSeconds(30),
                            Duration.ofHours(4), Duration.ofSeconds(60)));
                }));
            }
            Map<String, Long> instances = new HashMap<>();
            for (Map.Entry<String, java.util.concurrent.Future<Long>> f : started.entrySet()) {
                instances.put(f.getKey(), f.getValue().get(2, java.util.concurrent.TimeUnit.MINUTES));
            }
            return instances;
        } catch (Exception e) {
            throw new AssertionError("an attempt could not be placed", e);
        } finally {
            dialers.shutdownNow();
        }
    }
}
