package com.evscallpro.sandbox;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.agent.AgentStatus;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignSettings;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Leaves the shared floor as each test found it, whatever the test did or how it failed: a campaign the test left
 * RUNNING is paused and an agent it left READY is paused, so they cannot take the next tests' calls (one failed test
 * once cascaded into four that way). Registered for every test of this module by JUnit's extension autodetection
 * ({@code junit-platform.properties}, {@code META-INF/services}); it never starts the shared stack, and touches only
 * what changed during the test (a test class that keeps a campaign running across its tests starts it again in its
 * own set-up). What it cleans is printed, naming the test, so a missing clean-up in a test can be mended.
 */
public class FloorCleanup implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FloorCleanup.class);

    private record Floor(Set<Long> running, Set<Long> ready) {

        static final Floor EMPTY = new Floor(Set.of(), Set.of());

        static Floor of(SandboxTestContext stack) {
            Set<Long> running = new HashSet<>();
            for (CampaignSettings c : stack.bean(CampaignService.class).running()) {
                running.add(c.id());
            }
            Set<Long> ready = new HashSet<>();
            for (AgentStatus a : stack.bean(AgentService.class).statuses()) {
                if (a.state() == AgentState.READY) {
                    ready.add(a.userId());
                }
            }
            return new Floor(running, ready);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        SandboxTestContext stack = SandboxTestContext.ifStarted();
        // a stack the test is about to start has nothing running yet (no demo data in the sandbox)
        context.getStore(NS).put(Floor.class, stack == null ? Floor.EMPTY : Floor.of(stack));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        SandboxTestContext stack = SandboxTestContext.ifStarted();
        Floor before = context.getStore(NS).get(Floor.class, Floor.class);
        if (stack == null || before == null) {
            return;
        }
        String test = context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName();
        try {
            CampaignService campaigns = stack.bean(CampaignService.class);
            for (CampaignSettings c : campaigns.running()) {
                if (!before.running().contains(c.id())) {
                    campaigns.pause(c.id());
                    System.out.println("FloorCleanup: paused campaign " + c.id() + " (" + c.name()
                            + ") left RUNNING by " + test);
                }
            }
            AgentService agents = stack.bean(AgentService.class);
            List<AgentStatus> statuses = agents.statuses();
            for (AgentStatus a : statuses) {
                if (a.state() == AgentState.READY && !before.ready().contains(a.userId())) {
                    agents.pause(a.userId(), "BREAK");
                    System.out.println("FloorCleanup: paused agent " + a.userId() + " (" + a.username()
                            + ") left READY by " + test);
                }
            }
        } catch (RuntimeException e) {
            System.out.println("FloorCleanup after " + test + " failed: " + e);
        }
    }
}
