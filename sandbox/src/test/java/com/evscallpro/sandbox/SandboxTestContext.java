package com.evscallpro.sandbox;

import com.evscallpro.simulator.CustomerBehaviour;
import com.evscallpro.simulator.CustomerScript;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real stack for the whole test JVM: embedded PostgreSQL, the embedded Zeebe engine, the PBX simulator over
 * TCP and the full application on a random HTTP port. Nothing of ours is mocked. Test classes use their own
 * campaigns, agents and numbers, so they can share it.
 */
final class SandboxTestContext {

    /** Customer numbers with a fixed behaviour in the simulator. */
    static final String ANSWERS = "+33612000001";
    static final String BUSY = "+33612000002";
    static final String NO_ANSWER = "+33612000003";
    /** Answers and stays on the line until the agent ends the call. */
    static final String ANSWERS_AND_TALKS = "+33612000010";

    private static SandboxTestContext instance;

    final SandboxInfrastructure infrastructure;
    final ConfigurableApplicationContext context;

    private SandboxTestContext(SandboxInfrastructure infrastructure, ConfigurableApplicationContext context) {
        this.infrastructure = infrastructure;
        this.context = context;
    }

    static synchronized SandboxTestContext get() {
        if (instance == null) {
            CustomerScript customers = CustomerScript.random(7)
                    .with(ANSWERS, CustomerBehaviour.answer(Duration.ofMillis(300), Duration.ofMillis(1500)))
                    .with(BUSY, CustomerBehaviour.busy())
                    .with(NO_ANSWER, CustomerBehaviour.noAnswer())
                    .with(ANSWERS_AND_TALKS, CustomerBehaviour.answerAndStay(Duration.ofMillis(300)));
            SandboxInfrastructure infrastructure = SandboxInfrastructure.start(null, customers);
            ConfigurableApplicationContext context = EvsCallProSandbox.run(infrastructure, Map.of(
                    "server.port", "0",
                    "evs.dialer.tick", "200ms",
                    "evs.sandbox.demo-data", "false"));
            instance = new SandboxTestContext(infrastructure, context);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                context.close();
                infrastructure.close();
            }));
        }
        return instance;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    int httpPort() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** The BPMN element ids of the given process instance that completed on the engine, in order. */
    List<String> completedElements(long processInstanceKey) {
        List<String> completed = new ArrayList<>();
        for (Record<?> record : infrastructure.engine().engine().getRecordStreamSource().getRecords()) {
            if (record.getValueType() == ValueType.PROCESS_INSTANCE
                    && record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                    && record.getValue() instanceof ProcessInstanceRecordValue value
                    && value.getProcessInstanceKey() == processInstanceKey) {
                completed.add(value.getBpmnElementType() == BpmnElementType.PROCESS
                        ? "PROCESS" : value.getElementId());
            }
        }
        return completed;
    }
}
