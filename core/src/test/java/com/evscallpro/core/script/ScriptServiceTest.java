package com.evscallpro.core.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Scripts on the real database: versions, publishing, the schema check's refusals, bindings, answers with the CDR. */
@SpringBootTest(classes = DataServicesTestApplication.class)
class ScriptServiceTest {

    static final String FORM_V1 = """
            {"type": "default", "id": "Survey", "components": [
              {"type": "text", "text": "Hello {{contact.firstName}}"},
              {"type": "textfield", "key": "contact.firstName", "label": "First name"},
              {"type": "radio", "key": "interested", "label": "Interested?",
               "values": [{"label": "Yes", "value": "yes"}, {"label": "No", "value": "no"}]}]}""";
    static final String FORM_V2 = """
            {"type": "default", "components": [
              {"type": "number", "key": "budget", "label": "Budget"},
              {"type": "group", "label": "Address", "components": [
                {"type": "textfield", "key": "city", "label": "City"}]}]}""";

    @Autowired
    ScriptService scripts;
    @Autowired
    CampaignService campaigns;
    @Autowired
    JdbcTemplate jdbc;

    private static String unique(String name) {
        return name + " " + UUID.randomUUID();
    }

    @Test
    void a_script_is_drafted_published_and_changed_in_a_new_draft_while_agents_keep_the_published_one() {
        ScriptView s = scripts.create(unique("Survey"), "energy survey", FORM_V1, "first");
        assertThat(s.publishedNumber()).isNull();
        assertThat(s.hasDraft()).isTrue();
        ScriptVersionView v1 = scripts.latest(s.id()).orElseThrow();
        assertThat(v1.number()).isEqualTo(1);
        assertThat(v1.status()).isEqualTo(ScriptVersionView.Status.DRAFT);
        assertThat(scripts.published(s.id())).isEmpty();

        scripts.publish(v1.id(), "go");
        assertThat(scripts.published(s.id())).hasValueSatisfying(p -> {
            assertThat(p.number()).isEqualTo(1);
            assertThat(p.schemaJson()).contains("\"interested\"");
        });

        ScriptVersionView v2 = scripts.saveDraft(s.id(), FORM_V2, "budget");
        assertThat(v2.number()).isEqualTo(2);
        // saving again replaces the draft rather than piling up versions
        ScriptVersionView v2again = scripts.saveDraft(s.id(), FORM_V2.replace("Budget", "Yearly budget"), "label");
        assertThat(v2again.id()).isEqualTo(v2.id());
        assertThat(scripts.schema(v2.id())).contains("Yearly budget");
        assertThat(scripts.published(s.id()).orElseThrow().number()).isEqualTo(1);

        scripts.publish(v2.id(), "budget asked");
        assertThat(scripts.versions(s.id())).extracting(ScriptVersionView::number, ScriptVersionView::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, ScriptVersionView.Status.PUBLISHED),
                        org.assertj.core.groups.Tuple.tuple(1, ScriptVersionView.Status.RETIRED));
        assertThat(scripts.versions(s.id()).get(0).comment()).isEqualTo("budget asked");
        assertThat(scripts.versions(s.id()).get(0).publishedAt()).isNotNull();
        // roll back: version 1 again
        scripts.publish(v1.id(), "back");
        assertThat(scripts.published(s.id()).orElseThrow().number()).isEqualTo(1);
        assertThat(scripts.publishedScripts()).extracting(ScriptView::id).contains(s.id());
    }

    private void refused(String schema, String code) {
        assertThatThrownBy(() -> scripts.create(unique("Bad"), null, schema, null)).as(code)
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void bad_schemas_are_refused_with_a_code_and_nothing_is_written() {
        int before = scripts.scripts().size();
        refused("", "script.schema-empty");
        refused("{\"type\": \"default\", \"components\": [", "script.schema-not-json");
        refused("[1, 2]", "script.schema-not-a-form");
        refused("{\"type\": \"other\", \"components\": []}", "script.schema-not-a-form");
        refused("{\"type\": \"default\"}", "script.schema-not-a-form");
        refused("{\"type\": \"default\", \"components\": [{\"type\": \"iframe\", \"url\": \"https://x\"}]}",
                "script.schema-unknown-type");
        refused("{\"type\": \"default\", \"components\": [{\"type\": \"group\", \"components\": "
                + "[{\"type\": \"button\", \"action\": \"submit\"}]}]}", "script.schema-unknown-type");
        refused("{\"type\": \"default\", \"components\": [{\"type\": \"textfield\", \"key\": \"a\"},"
                + "{\"type\": \"group\", \"components\": [{\"type\": \"number\", \"key\": \"a\"}]}]}",
                "script.schema-key-duplicate");
        refused("{\"type\": \"default\", \"components\": [{\"type\": \"textfield\", \"key\": \"1 bad\"}]}",
                "script.schema-key-invalid");
        refused("{\"type\": \"default\", \"components\": [{\"type\": \"text\", \"text\": \""
                + "x".repeat(ScriptSchemaCheck.MAX_BYTES) + "\"}]}", "script.schema-too-large");
        assertThat(scripts.scripts()).hasSize(before);

        ScriptView s = scripts.create(unique("Kept"), null, FORM_V1, null);
        String before1 = scripts.schema(scripts.latest(s.id()).orElseThrow().id());
        assertThatThrownBy(() -> scripts.saveDraft(s.id(), "{}", null)).isInstanceOf(EvsException.class);
        assertThat(scripts.schema(scripts.latest(s.id()).orElseThrow().id())).isEqualTo(before1);
        assertThat(scripts.problems(FORM_V2)).isEmpty();
        assertThat(scripts.problems("{\"type\": \"default\", \"components\": [{\"type\": \"filepicker\", "
                + "\"key\": \"f\"}, {\"type\": \"textfield\", \"key\": \"g\"}, {\"type\": \"textfield\", \"key\": \"g\"}]}"))
                .extracting(SchemaProblem::code)
                .containsExactly("script.schema-unknown-type", "script.schema-key-duplicate");
    }

    @Test
    void names_are_required_and_unique() {
        String name = unique("Same");
        scripts.create(name, null, FORM_V1, null);
        assertThatThrownBy(() -> scripts.create(name, null, FORM_V1, null)).isInstanceOfSatisfying(
                EvsException.class, e -> assertThat(e.code()).isEqualTo("script.name-taken"));
        assertThatThrownBy(() -> scripts.create("  ", null, FORM_V1, null)).isInstanceOfSatisfying(
                EvsException.class, e -> assertThat(e.code()).isEqualTo("script.name-required"));
    }

    @Test
    void a_campaign_and_a_queue_take_the_published_version_of_their_script() {
        ScriptView s = scripts.create(unique("Bound"), null, FORM_V1, null);
        long campaign = campaigns.create(NewCampaign.withDefaults(unique("Scripted")));
        scripts.bindCampaign(campaign, s.id());
        assertThat(scripts.campaignScriptId(campaign)).contains(s.id());
        assertThat(scripts.forCampaign(campaign)).as("a draft is not shown to agents").isEmpty();
        ScriptVersionView v1 = scripts.latest(s.id()).orElseThrow();
        scripts.publish(v1.id(), null);
        assertThat(scripts.forCampaign(campaign)).hasValueSatisfying(p -> assertThat(p.versionId()).isEqualTo(v1.id()));
        ScriptVersionView v2 = scripts.saveDraft(s.id(), FORM_V2, null);
        assertThat(scripts.forCampaign(campaign).orElseThrow().versionId()).isEqualTo(v1.id());
        scripts.publish(v2.id(), null);
        assertThat(scripts.forCampaign(campaign).orElseThrow().versionId()).isEqualTo(v2.id());
        assertThat(scripts.script(s.id()).orElseThrow().campaigns()).isEqualTo(1);

        Long group = jdbc.queryForObject("INSERT INTO agent_group (name) VALUES (?) RETURNING id", Long.class,
                unique("Group"));
        Long queue = jdbc.queryForObject("INSERT INTO call_queue (group_id) VALUES (?) RETURNING id", Long.class,
                group);
        assertThat(scripts.forQueue(queue)).isEmpty();
        scripts.bindQueue(queue, s.id());
        assertThat(scripts.forQueue(queue).orElseThrow().versionId()).isEqualTo(v2.id());
        assertThatThrownBy(() -> scripts.bindQueue(-1, s.id())).isInstanceOfSatisfying(EvsException.class,
                e -> assertThat(e.code()).isEqualTo("queue.not-found"));
        assertThatThrownBy(() -> scripts.bindCampaign(campaign, -5L)).isInstanceOfSatisfying(EvsException.class,
                e -> assertThat(e.code()).isEqualTo("script.not-found"));

        scripts.delete(s.id());
        assertThat(scripts.campaignScriptId(campaign)).isEmpty();
        assertThat(scripts.queueScriptId(queue)).isEmpty();
        scripts.bindCampaign(campaign, null);
    }

    @Test
    void answers_are_stored_with_the_calls_record() {
        String callId = "script-" + UUID.randomUUID();
        assertThat(scripts.storeAnswers(callId, Map.of("interested", "yes"))).as("no record yet").isFalse();
        jdbc.update("INSERT INTO call_history (call_id, direction, started_at) VALUES (?, 'OUTBOUND', now())", callId);
        assertThat(scripts.storeAnswers(callId, Map.of("interested", "yes", "budget", 1200,
                "contact", Map.of("firstName", "Lea")))).isTrue();
        assertThat(scripts.answers(callId)).containsEntry("interested", "yes").containsEntry("budget", 1200)
                .containsEntry("contact", Map.of("firstName", "Lea"));
        assertThat(jdbc.queryForObject("SELECT script_answers ->> 'interested' FROM call_history WHERE call_id = ?",
                String.class, callId)).isEqualTo("yes");
        assertThatThrownBy(() -> scripts.storeAnswers(callId, Map.of("long", "x".repeat(70_000))))
                .isInstanceOfSatisfying(EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("script.answers-too-large"));
        assertThat(scripts.answers(callId)).containsKeys("interested", "budget").doesNotContainKey("long");
        assertThat(List.of()).isEmpty();
    }

    @Autowired
    com.evscallpro.core.cdr.CdrService cdr;

    /** The inbound call's record, written as the inbound path writes it (InboundCallRecords: the CDR upsert). */
    private void recordInbound(String callId) {
        java.time.Instant now = java.time.Instant.now();
        cdr.record(new com.evscallpro.core.cdr.CallRecord(null, callId, "u-" + callId, "u-" + callId,
                com.evscallpro.core.cdr.CallDirection.INBOUND, "+33611229988", "+33140000000", now.minusSeconds(60),
                now.minusSeconds(50), now, 60, 50, com.evscallpro.core.cdr.CdrDisposition.ANSWERED, null, null, null,
                null, null, null, null, null, null, null, "u-" + callId, null, "ANSWERED", null));
    }

    private int drafts(String callId) {
        return jdbc.queryForObject("SELECT count(*) FROM script_answer_draft WHERE call_id = ?", Integer.class, callId);
    }

    @Test
    void inbound_answers_kept_before_the_call_ends_land_in_its_record_when_it_is_written_once() {
        String callId = "keep-" + UUID.randomUUID();
        // the agent types (each change kept); no page is there any more when the call ends
        assertThat(scripts.keepAnswers(callId, Map.of("notes", "Line"))).as("no record yet").isFalse();
        assertThat(scripts.keepAnswers(callId, Map.of("notes", "Line down", "contact", Map.of("phone", "+336"))))
                .isFalse();
        assertThat(drafts(callId)).isEqualTo(1);
        assertThat(scripts.answers(callId)).isEmpty();

        recordInbound(callId);
        assertThat(scripts.answers(callId)).containsEntry("notes", "Line down")
                .containsEntry("contact", Map.of("phone", "+336"));
        assertThat(drafts(callId)).as("attached, then gone").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM call_history WHERE call_id = ?", Integer.class, callId))
                .isEqualTo(1);
        // the record completed again later (the upsert's update path) keeps them
        recordInbound(callId);
        assertThat(scripts.answers(callId)).containsEntry("notes", "Line down");

        // typed after the record landed: straight into it, no draft
        assertThat(scripts.keepAnswers(callId, Map.of("notes", "Line down since Monday"))).isTrue();
        assertThat(scripts.answers(callId)).containsEntry("notes", "Line down since Monday");
        assertThat(drafts(callId)).isZero();
        assertThat(scripts.keepAnswers(callId, Map.of())).as("nothing to keep").isFalse();
        assertThatThrownBy(() -> scripts.keepAnswers(callId, Map.of("long", "x".repeat(70_000))))
                .isInstanceOfSatisfying(EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("script.answers-too-large"));
        assertThat(scripts.answers(callId)).containsEntry("notes", "Line down since Monday");
    }

    @Test
    void answers_kept_while_the_record_is_being_written_are_never_left_behind() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 25; i++) {
                String callId = "race-" + i + "-" + UUID.randomUUID();
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                java.util.concurrent.Future<?> keep = pool.submit(() -> {
                    start.await();
                    return scripts.keepAnswers(callId, Map.of("n", 1));
                });
                java.util.concurrent.Future<?> record = pool.submit(() -> {
                    start.await();
                    recordInbound(callId);
                    return null;
                });
                keep.get(30, java.util.concurrent.TimeUnit.SECONDS);
                record.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(scripts.answers(callId)).as("round %d", i).containsEntry("n", 1);
                assertThat(drafts(callId)).as("round %d", i).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void answers_are_checked_against_a_versions_rules_and_a_deleted_version_checks_nothing() {
        ScriptView s = scripts.create(unique("Checked"), null, """
                {"type": "default", "components": [
                  {"type": "textfield", "key": "email", "label": "E-mail",
                   "validate": {"required": true, "validationType": "email"}}]}""", null);
        long v = scripts.latest(s.id()).orElseThrow().id();
        assertThatThrownBy(() -> scripts.checkAnswers(v, Map.of(), true)).isInstanceOfSatisfying(EvsException.class,
                e -> {
                    assertThat(e.code()).isEqualTo("script.answer-required");
                    assertThat(e.args()).containsExactly("E-mail");
                });
        scripts.checkAnswers(v, Map.of(), false);
        assertThatThrownBy(() -> scripts.checkAnswers(v, Map.of("email", "nope"), false))
                .isInstanceOfSatisfying(EvsException.class, e -> assertThat(e.code()).isEqualTo("script.answer-email"));
        scripts.checkAnswers(v, Map.of("email", "a@b.fr"), true);
        scripts.delete(s.id());
        scripts.checkAnswers(v, Map.of(), true);
    }

    private static byte[] fixture(String name) throws java.io.IOException {
        try (java.io.InputStream in = ScriptServiceTest.class.getResourceAsStream("/scripts/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void a_form_file_is_imported_as_the_draft_and_exported_back_as_the_same_form() throws Exception {
        ScriptView s = scripts.create(unique("Imported"), null, FORM_V1, "first");
        long v1 = scripts.latest(s.id()).orElseThrow().id();
        scripts.publish(v1, null);
        byte[] file = fixture("callback-survey.form");
        ScriptVersionView draft = scripts.importForm(s.id(), file, "Imported from callback-survey.form");
        assertThat(draft.number()).isEqualTo(2);
        assertThat(draft.status()).isEqualTo(ScriptVersionView.Status.DRAFT);
        assertThat(draft.comment()).isEqualTo("Imported from callback-survey.form");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(json.readTree(scripts.exportForm(draft.id()))).isEqualTo(json.readTree(file));
        assertThat(scripts.exportFileName(draft.id())).endsWith("-v2.form").startsWith("Imported_");
        // what changed from the published version to the imported draft
        assertThat(scripts.compare(v1, draft.id())).extracting(ScriptChange::kind, ScriptChange::component)
                .contains(org.assertj.core.groups.Tuple.tuple(ScriptChange.Kind.ADDED, "Customer e-mail"),
                        org.assertj.core.groups.Tuple.tuple(ScriptChange.Kind.REMOVED, "Interested?"));
        // the imported rules hold at qualification
        assertThatThrownBy(() -> scripts.checkAnswers(draft.id(), Map.of("email", "a@b.fr", "reason", "price"),
                true)).isInstanceOfSatisfying(EvsException.class, e -> {
                    assertThat(e.code()).isEqualTo("script.answer-required");
                    assertThat(e.args()).containsExactly("Customer consents to be called back");
                });
    }

    @Test
    void a_bad_form_file_is_refused_with_its_reasons_and_nothing_changes() throws Exception {
        ScriptView s = scripts.create(unique("Refused import"), null, FORM_V1, "first");
        String before = scripts.schema(scripts.latest(s.id()).orElseThrow().id());
        byte[] bad = new String(fixture("callback-survey.form"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"type\": \"checkbox\"", "\"type\": \"iframe\"")
                .replace("\"key\": \"reason\"", "\"key\": \"email\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(scripts.problems(ScriptService.formText(bad))).extracting(SchemaProblem::code)
                .containsExactlyInAnyOrder("script.schema-key-duplicate", "script.schema-unknown-type");
        assertThatThrownBy(() -> scripts.importForm(s.id(), bad, "x")).isInstanceOf(EvsException.class);
        assertThatThrownBy(() -> scripts.importForm(s.id(), new byte[] {(byte) 0xC3, (byte) 0x28}, "x"))
                .isInstanceOfSatisfying(EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("script.import-not-utf8"));
        assertThatThrownBy(() -> scripts.importForm(s.id(), "<bpmn/>".getBytes(), "x"))
                .isInstanceOfSatisfying(EvsException.class,
                        e -> assertThat(e.code()).isEqualTo("script.schema-not-json"));
        assertThat(scripts.versions(s.id())).hasSize(1);
        assertThat(scripts.schema(scripts.latest(s.id()).orElseThrow().id())).isEqualTo(before);
    }
}
