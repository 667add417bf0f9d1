package com.evscallpro.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.planning.PlanningDefinition;
import com.evscallpro.core.planning.PlanningService;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The campaign editor's service: every setting stored and read back, the optimistic lock, clone, archive. */
@SpringBootTest(classes = DataServicesTestApplication.class)
class CampaignEditorServiceTest {

    @Autowired CampaignService campaigns;
    @Autowired AgentGroupAdmin groups;
    @Autowired PlanningService plannings;
    @Autowired ContactImportService imports;
    @Autowired ContactLifecycleService contacts;
    @Autowired com.evscallpro.core.site.SiteService sites;
    @Autowired com.evscallpro.core.agentdesk.CustomFieldLabels fieldLabels;
    @Autowired com.evscallpro.core.script.ScriptService scripts;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** A published agent script. */
    private long script() {
        long id = scripts.create("Script " + UUID.randomUUID(), null, """
                {"type": "default", "id": "Notes", "components": [
                  {"type": "textfield", "key": "note", "label": "Note"}]}""", null).id();
        scripts.publish(scripts.latest(id).orElseThrow().id(), null);
        return id;
    }

    private int campaignRows(String name) {
        return jdbc.queryForObject("SELECT count(*) FROM campaign WHERE name = ?", Integer.class, name);
    }

    private long group(String name) {
        return groups.saveGroup(new AgentGroup(null, name + " " + UUID.randomUUID(), null, null, 0, 0)).id();
    }

    private long planning() {
        return plannings.save(new PlanningDefinition(null, "Hours " + UUID.randomUUID(), "Europe/Paris", "fr",
                List.of(new PlanningDefinition.Slot(DayOfWeek.MONDAY, LocalTime.of(10, 0), LocalTime.of(13, 0))),
                List.of()));
    }

    private static CampaignEdit full(String name, long planning, Set<Long> groupIds) {
        return new CampaignEdit(name, "Renewals of Q1", null, 5, 1800, 30, "+33170000009", null, planning, null,
                "BE", "NONE", DialingMode.PREDICTIVE, 40, 2.0, 2.5, AmdMode.HANGUP, 300, 3600, 7200, 120, false,
                600, 90, true, groupIds);
    }

    @Test
    void every_setting_is_stored_and_read_back_including_retry_delays_per_outcome_and_groups() {
        long planning = planning();
        long sales = group("Sales");
        long support = group("Support");
        String name = "Editor " + UUID.randomUUID();

        long id = campaigns.create(full(name, planning, Set.of(sales, support)));

        CampaignEdit read = campaigns.edit(id);
        assertThat(read.qualificationGroupId()).as("the Standard group").isEqualTo(campaigns.settings(id)
                .qualificationGroupId());
        assertThat(read).as("what the editor reopens").usingRecursiveComparison().ignoringFields(
                "qualificationGroupId").isEqualTo(full(name, planning, Set.of(sales, support)));
        CampaignSettings s = campaigns.settings(id);
        assertThat(s.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(s.retryDelays().after("BUSY")).isEqualTo(Duration.ofSeconds(300));
        assertThat(s.retryDelays().after("NO_ANSWER")).isEqualTo(Duration.ofSeconds(3600));
        assertThat(s.retryDelays().after("MACHINE")).isEqualTo(Duration.ofSeconds(7200));
        assertThat(s.retryDelays().after("CONGESTION")).isEqualTo(Duration.ofSeconds(120));
        assertThat(s.retryDelays().after("OTHER")).isEqualTo(Duration.ofSeconds(1800));
        assertThat(s.dialing()).isEqualTo(new CampaignSettings.Dialing(DialingMode.PREDICTIVE,
                Duration.ofSeconds(40), 2.0, 2.5, AmdMode.HANGUP));
        assertThat(s.planningId()).isEqualTo(planning);
        assertThat(s.defaultRegion()).isEqualTo("BE");
        assertThat(s.legalPreset()).isEqualTo("NONE");
        assertThat(s.personalCallbacks()).isFalse();
        assertThat(s.callbackGrace()).isEqualTo(Duration.ofSeconds(600));
        assertThat(s.wrapUpTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.pauseAfterWrapUpTimeout()).isTrue();
        assertThat(s.agentGroupIds()).containsExactlyInAnyOrder(sales, support);
        assertThat(s.takenBy(Set.of(support))).isTrue();
        assertThat(s.takenBy(Set.of(group("Other")))).isFalse();

        campaigns.assignGroups(id, null, Set.of(support));
        assertThat(campaigns.settings(id).agentGroupIds()).containsExactly(support);
        campaigns.assignGroups(id, null, Set.of());
        assertThat(campaigns.settings(id).takenBy(Set.of())).as("no group: every agent").isTrue();
    }

    @Test
    void an_update_from_an_older_version_is_refused_and_changes_nothing() {
        long id = campaigns.create(CampaignEdit.defaults("Versioned " + UUID.randomUUID()));
        int opened = campaigns.version(id);
        CampaignEdit edit = campaigns.edit(id);

        campaigns.update(id, opened, new CampaignEdit(edit.name(), "first", null, 4, 60, 20, null, null, null, null,
                "FR", "FR", DialingMode.PREVIEW, 20, 2.5, 3, AmdMode.OFF, null, 900, null, null, true, 300, 120,
                false, Set.of()));
        assertThat(campaigns.version(id)).isGreaterThan(opened);
        assertThat(campaigns.edit(id).description()).isEqualTo("first");
        assertThat(campaigns.settings(id).dialing().mode()).isEqualTo(DialingMode.PREVIEW);
        assertThat(campaigns.settings(id).retryDelays().after("NO_ANSWER")).isEqualTo(Duration.ofSeconds(900));

        assertThatThrownBy(() -> campaigns.update(id, opened, edit))
                .isInstanceOfSatisfying(EvsException.class, e -> {
                    assertThat(e.code()).isEqualTo("campaign.version-mismatch");
                    assertThat(e.args()).containsExactly(opened, campaigns.version(id));
                });
        assertThat(campaigns.edit(id).description()).isEqualTo("first");
    }

    @Test
    void out_of_bounds_values_are_refused_with_a_code_naming_the_field() {
        long id = campaigns.create(CampaignEdit.defaults("Bounds " + UUID.randomUUID()));
        CampaignEdit e = campaigns.edit(id);
        CampaignEdit tooMuchAbandon = new CampaignEdit(e.name(), null, null, 3, 600, 25, null, null, null, null,
                "FR", "FR", DialingMode.PREDICTIVE, 30, 3.5, 3, AmdMode.OFF, null, null, null, null, true, 900, 120,
                false, Set.of());
        assertThatThrownBy(() -> campaigns.update(id, null, tooMuchAbandon))
                .isInstanceOfSatisfying(EvsException.class,
                        ex -> assertThat(ex.code()).isEqualTo("campaign.invalid-abandon-target"));
        CampaignEdit badRegion = new CampaignEdit(e.name(), null, null, 3, 600, 25, null, null, null, null,
                "FRA", "FR", DialingMode.PROGRESSIVE, 30, 2.5, 3, AmdMode.OFF, null, null, null, null, true, 900,
                120, false, Set.of());
        assertThatThrownBy(() -> campaigns.update(id, null, badRegion))
                .isInstanceOfSatisfying(EvsException.class,
                        ex -> assertThat(ex.code()).isEqualTo("campaign.invalid-region"));
        assertThatThrownBy(() -> campaigns.create(CampaignEdit.defaults(e.name())))
                .isInstanceOfSatisfying(EvsException.class,
                        ex -> assertThat(ex.code()).isEqualTo("campaign.name-taken"));
        assertThat(campaigns.settings(id).dialing().mode()).isEqualTo(DialingMode.PROGRESSIVE);
    }

    @Test
    void a_yeastar_site_cannot_dial_predictively_and_says_why() {
        String code = "y" + UUID.randomUUID().toString().substring(0, 8);
        long yeastar = sites.create(new com.evscallpro.core.site.SiteDefinition(code, "Lyon " + code, "Europe/Paris",
                com.evscallpro.core.site.PbxMode.YEASTAR_API, true, null,
                new com.evscallpro.core.site.YeastarConnection("https://pbx.example.net:8088", "client", "secret",
                        false, "AGENT_FIRST", true, null))).id();
        CampaignEdit d = CampaignEdit.defaults("Yeastar " + code);
        CampaignEdit predictive = new CampaignEdit(d.name(), null, null, 3, 600, 25, null, yeastar, null, null, "FR",
                "FR", DialingMode.PREDICTIVE, 30, 2.5, 3, AmdMode.OFF, null, null, null, null, true, 900, 120, false,
                Set.of());

        assertThatThrownBy(() -> campaigns.create(predictive)).isInstanceOfSatisfying(EvsException.class, e -> {
            assertThat(e.code()).isEqualTo("campaign.predictive-needs-asterisk");
            assertThat(e.args()).containsExactly("Lyon " + code);
        });
        long id = campaigns.create(new CampaignEdit(d.name(), null, null, 3, 600, 25, null, yeastar, null, null, "FR",
                "FR", DialingMode.PROGRESSIVE, 30, 2.5, 3, AmdMode.OFF, null, null, null, null, true, 900, 120, false,
                Set.of()));
        assertThat(campaigns.settings(id).siteId()).isEqualTo(yeastar);
    }

    @Test
    void a_clone_copies_settings_and_groups_but_no_contacts_under_a_free_name() {
        long sales = group("Sales");
        String name = "Source " + UUID.randomUUID();
        long id = campaigns.create(full(name, planning(), Set.of(sales)));
        imports.importContacts(id, List.of(new ContactInput("Ann", "A", "+33612345678", Map.of())));
        fieldLabels.define(id, List.of(
                new com.evscallpro.core.agentdesk.CustomFieldLabels.FieldLabel("contract", "Contrat", "Contract", 1),
                new com.evscallpro.core.agentdesk.CustomFieldLabels.FieldLabel("birth", "Naissance", "Birth", 0)));

        long script = script();
        scripts.bindCampaign(id, script);
        long journey = jdbc.queryForObject("INSERT INTO flow (kind, process_id, name) VALUES ('OUTBOUND_CALL', ?, ?)"
                + " RETURNING id", Long.class, "journey_" + UUID.randomUUID().toString().replace("-", ""),
                "Journey " + UUID.randomUUID());
        jdbc.update("UPDATE campaign SET journey_flow_id = ? WHERE id = ?", journey, id);

        long copy = campaigns.clone(id, "copie");
        long second = campaigns.clone(id, "copie");

        assertThat(campaigns.summary(copy).name()).isEqualTo(name + " (copie)");
        assertThat(campaigns.summary(second).name()).isEqualTo(name + " (copie 2)");
        assertThat(campaigns.edit(copy)).isEqualTo(campaigns.edit(id).withName(name + " (copie)"));
        assertThat(campaigns.settings(copy).agentGroupIds()).containsExactly(sales);
        assertThat(campaigns.settings(copy).status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(contacts.countContacts(copy, 10)).isZero();
        assertThat(contacts.countContacts(id, 10)).isEqualTo(1);
        assertThat(fieldLabels.of(copy)).extracting(l -> l.key() + "=" + l.labelFr() + "/" + l.labelEn())
                .containsExactly("birth=Naissance/Birth", "contract=Contrat/Contract");
        // the same agent script and call journey, copied in the clone's own transaction (the API's clone too)
        assertThat(scripts.campaignScriptId(copy)).contains(script);
        assertThat(jdbc.queryForObject("SELECT journey_flow_id FROM campaign WHERE id = ?", Long.class, copy))
                .isEqualTo(journey);
    }

    @Test
    void a_new_campaign_whose_agent_script_is_refused_is_not_created_at_all() {
        String name = "Half made " + UUID.randomUUID();
        long missingScript = Long.MAX_VALUE;

        // the campaign row is written first, then the script bound: refused, the whole create is undone
        assertThatThrownBy(() -> campaigns.create(CampaignEdit.defaults(name),
                id -> scripts.bindCampaign(id, missingScript)))
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(e.code()).isEqualTo("script.not-found"));
        assertThat(campaignRows(name)).as("campaign rows named " + name).isZero();

        long script = script();
        long id = campaigns.create(CampaignEdit.defaults(name), created -> scripts.bindCampaign(created, script));
        assertThat(campaignRows(name)).isEqualTo(1);
        assertThat(scripts.campaignScriptId(id)).contains(script);
    }

    @Test
    void only_a_finished_campaign_is_archived_and_then_hidden_and_frozen() {
        String name = "Archive " + UUID.randomUUID();
        long id = campaigns.create(CampaignEdit.defaults(name));
        assertThatThrownBy(() -> campaigns.archive(id, null))
                .isInstanceOfSatisfying(EvsException.class, e -> {
                    assertThat(e.code()).isEqualTo("campaign.cannot-archive");
                    assertThat(e.args()).containsExactly(name, CampaignStatus.DRAFT);
                });
        campaigns.start(id);
        int version = campaigns.version(id);
        assertThatThrownBy(() -> campaigns.finish(id, version - 1))
                .isInstanceOfSatisfying(EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("campaign.version-mismatch"));
        assertThat(campaigns.finish(id, version).status()).isEqualTo(CampaignStatus.FINISHED);
        assertThat(campaigns.archive(id, campaigns.version(id)).status()).isEqualTo(CampaignStatus.ARCHIVED);

        CampaignFilter byName = new CampaignFilter(name, null, false);
        assertThat(campaigns.search(byName, "name", false, 0, 10)).isEmpty();
        assertThat(campaigns.count(new CampaignFilter(name, null, true))).isEqualTo(1);
        assertThat(campaigns.search(new CampaignFilter(name, Set.of(CampaignStatus.ARCHIVED), false), "status",
                true, 0, 10)).extracting(CampaignSummary::id).containsExactly(id);
        assertThatThrownBy(() -> campaigns.update(id, null, campaigns.edit(id)))
                .isInstanceOfSatisfying(EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("campaign.cannot-edit"));
        assertThatThrownBy(() -> campaigns.start(id)).isInstanceOfSatisfying(EvsException.class,
                e -> assertThat(e.code()).isEqualTo("campaign.cannot-start"));
    }
}
