package com.evscallpro.core.flow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * At start, before any call can start: the flows shipped as files ({@code evs.flows.files}, the {@code processes}
 * module's {@code bpmn/*.bpmn}) become versions in the database ({@link FlowService#importShipped}), then every
 * published version is deployed. An engine that cannot be reached does not stop the start: each flow is deployed on
 * its first use instead ({@link FlowService#definitionKey}).
 */
@Component
class FlowBootstrap implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(FlowBootstrap.class);

    private final FlowService flows;
    private final String files;
    private final String outboundProcessId;

    FlowBootstrap(FlowService flows, @Value("${evs.flows.files:classpath*:bpmn/*.bpmn}") String files,
                  @Value("${evs.flows.outbound-process-id:outbound-call}") String outboundProcessId) {
        this.flows = flows;
        this.files = files;
        this.outboundProcessId = outboundProcessId;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        for (Resource file : new PathMatchingResourcePatternResolver().getResources(files)) {
            String xml;
            try (InputStream in = file.getInputStream()) {
                xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            FlowKind kind = BpmnFacts.processId(xml).equals(outboundProcessId) ? FlowKind.OUTBOUND_CALL : FlowKind.IVR;
            flows.importShipped(kind, xml);
        }
        try {
            log.info("{} published flow version(s) deployed", flows.deployPublished());
        } catch (RuntimeException e) {
            log.warn("Published flows not deployed at start ({}); each is deployed on its first use", e.toString());
        }
    }
}
