package com.evscallpro.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every flow we ship or test with passes our own rules (the ones publish and import apply): the outbound journey,
 * the demo IVR, the editor's new-flow template, the end-to-end tests' flows. A rule that refused one of them would
 * refuse what the product itself runs. Warnings only where a flow is meant to earn them: the blocks test's
 * {@code SilentEndEvent} ends the flow without hanging up on purpose (it checks the runtime's watchdog).
 */
class ShippedFlowsFollowOurRulesTest {

    @ParameterizedTest
    @CsvSource({
            "OUTBOUND_CALL, /bpmn/outbound-call.bpmn, ''",
            "IVR, /demo/svi-standard-demo.bpmn, ''",
            "IVR, /flow-templates/ivr-empty.bpmn, ''",
            "IVR, /flows/ivr-e2e-blocks.bpmn, SilentEndEvent:ends-in-silence",
            "IVR, /flows/ivr-e2e-queue.bpmn, ''"})
    void passes_our_rules(FlowKind kind, String resource, String expectedWarnings) throws IOException {
        try (InputStream in = ShippedFlowsFollowOurRulesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("__PROCESS_ID__", "svi-t");
            List<FlowProblem> problems = FlowLint.check(kind, xml);
            assertThat(problems).as(resource).allMatch(p -> !p.isError());
            assertThat(problems).as(resource).extracting(p -> p.elementId() + ":" + p.code())
                    .containsExactlyElementsOf(expectedWarnings.isEmpty() ? List.of()
                            : List.of(expectedWarnings.split(" ")));
        }
    }
}
