package com.evscallpro.core.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.qualification.Qualification.QualificationCategory;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Qualification groups on the real database: the Standard group as migrated, editing, and refusals with codes. */
@SpringBootTest(classes = DataServicesTestApplication.class)
class QualificationServiceTest {

    @Autowired
    QualificationService qualifications;
    @Autowired
    CampaignService campaigns;

    private static Qualification q(String code, QualificationCategory category, boolean finalOutcome) {
        return new Qualification(code, "FR " + code, "EN " + code, category, finalOutcome);
    }

    @Test
    void the_standard_group_has_an_answering_machine_that_is_not_final_and_a_do_not_call_category() {
        QualificationGroupDefinition standard = qualifications.groups().stream()
                .filter(g -> g.name().equals("Standard")).findFirst().orElseThrow();
        assertThat(standard.qualifications()).extracting(Qualification::code).startsWith("SALE", "NOT_INTERESTED");
        assertThat(standard.qualifications()).filteredOn(x -> x.code().equals("ANSWERING_MACHINE")).singleElement()
                .satisfies(x -> assertThat(x.finalOutcome()).isFalse());
        assertThat(standard.qualifications()).filteredOn(x -> x.code().equals("DO_NOT_CALL")).singleElement()
                .satisfies(x -> assertThat(x.category()).isEqualTo(QualificationCategory.DO_NOT_CALL));
        assertThat(standard.qualifications()).filteredOn(x -> x.code().equals("SALE")).singleElement()
                .satisfies(x -> assertThat(x.finalOutcome()).isTrue());
        assertThatThrownBy(() -> qualifications.deleteGroup(standard.id())).isInstanceOfSatisfying(
                EvsException.class, e -> assertThat(e.code()).isEqualTo("qualification.group-standard"));
    }

    @Test
    void a_group_is_created_reordered_and_replaced_whole() {
        String name = "Energy " + UUID.randomUUID();
        long id = qualifications.saveGroup(new QualificationGroupDefinition(null, name, List.of(
                q("CONTRACT", QualificationCategory.POSITIVE, true),
                q("NO_DECISION_MAKER", QualificationCategory.NEUTRAL, false),
                q("STOP", QualificationCategory.DO_NOT_CALL, true)), 0));
        assertThat(qualifications.forGroup(id)).extracting(Qualification::code)
                .containsExactly("CONTRACT", "NO_DECISION_MAKER", "STOP");

        qualifications.saveGroup(new QualificationGroupDefinition(id, name, List.of(
                q("STOP", QualificationCategory.DO_NOT_CALL, true),
                q("CONTRACT", QualificationCategory.POSITIVE, true)), 0));
        assertThat(qualifications.forGroup(id)).extracting(Qualification::code).containsExactly("STOP", "CONTRACT");
        assertThat(qualifications.find(id, "NO_DECISION_MAKER")).isEmpty();
        assertThat(qualifications.find(id, "STOP")).hasValueSatisfying(
                x -> assertThat(x.labelFr()).isEqualTo("FR STOP"));
        qualifications.deleteGroup(id);
        assertThat(qualifications.group(id)).isEmpty();
    }

    @Test
    void a_group_counts_the_campaigns_that_use_it() {
        QualificationGroupDefinition standard = qualifications.groups().stream()
                .filter(g -> g.name().equals("Standard")).findFirst().orElseThrow();
        campaigns.create(new NewCampaign("Uses standard " + UUID.randomUUID(), 3, 600, 25, null));
        assertThat(qualifications.group(standard.id()).orElseThrow().campaigns()).isPositive();
    }

    private void refused(QualificationGroupDefinition g, String code) {
        assertThatThrownBy(() -> qualifications.saveGroup(g)).as(code).isInstanceOfSatisfying(EvsException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void bad_groups_are_refused_with_a_code_and_nothing_is_written() {
        int before = qualifications.groups().size();
        String name = "Bad " + UUID.randomUUID();
        Qualification ok = q("OK", QualificationCategory.POSITIVE, true);
        refused(new QualificationGroupDefinition(null, " ", List.of(ok), 0), "qualification.group-name-required");
        refused(new QualificationGroupDefinition(null, name, List.of(), 0), "qualification.none");
        refused(new QualificationGroupDefinition(null, name, List.of(q("bad code", QualificationCategory.NEUTRAL,
                true)), 0), "qualification.code-invalid");
        refused(new QualificationGroupDefinition(null, name, List.of(ok, ok), 0), "qualification.code-twice");
        refused(new QualificationGroupDefinition(null, name, List.of(new Qualification("X", " ", "X",
                QualificationCategory.NEUTRAL, true)), 0), "qualification.label-required");
        refused(new QualificationGroupDefinition(null, name, List.of(new Qualification("X", "X", "X", null,
                true)), 0), "qualification.category-required");
        refused(new QualificationGroupDefinition(null, "Standard", List.of(ok), 0),
                "qualification.group-name-taken");
        refused(new QualificationGroupDefinition(424242L, name, List.of(ok), 0), "qualification.group-not-found");
        assertThat(qualifications.groups()).hasSize(before);
        long standardId = qualifications.groups().stream().filter(g -> g.name().equals("Standard")).findFirst()
                .orElseThrow().id();
        assertThat(qualifications.forGroup(standardId)).hasSize(7); // a refused edit of Standard wrote nothing
    }
}
