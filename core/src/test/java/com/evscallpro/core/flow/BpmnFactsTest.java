package com.evscallpro.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BpmnFactsTest {

    @Test
    void element_names_by_id_leave_out_unnamed_elements_and_fold_line_breaks() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:other="urn:other" id="d" targetNamespace="urn:t">
                  <bpmn:process id="names" name="Le flux" isExecutable="true">
                    <bpmn:startEvent id="Start"/>
                    <bpmn:serviceTask id="AccueilTask" name="Message d&#x27;accueil"/>
                    <bpmn:serviceTask id="MenuTask" name="Menu
                        principal"/>
                    <bpmn:serviceTask id="Unnamed"/>
                    <bpmn:endEvent id="End" name="Fin"/>
                    <other:thing id="Foreign" name="not BPMN"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.strip();

        assertThat(BpmnFacts.elementNames(xml))
                .containsEntry("AccueilTask", "Message d'accueil")
                .containsEntry("MenuTask", "Menu principal")
                .containsEntry("End", "Fin")
                .containsEntry("names", "Le flux")
                .doesNotContainKeys("Unnamed", "Start", "Foreign");
    }
}
