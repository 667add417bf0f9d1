package com.evscallpro.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import java.io.StringWriter;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention purge and people's requests on the real database with the real stores: the purge takes exactly what is
 * past its period; a number's data is found across campaigns, exported, erased without a trace, with a proof.
 */
@SpringBootTest(classes = {DataServicesTestApplication.class, PrivacyTestConfig.class},
        properties = {PrivacyTestConfig.KEY, "evs.privacy.purge-enabled=false", "evs.privacy.batch-size=2"})
class PrivacyServiceTest {

    @Autowired
    PrivacyService privacy;
    @Autowired
    CampaignService campaigns;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    com.evscallpro.db.privacy.ClusterLocks locks;

    @AfterEach
    void defaults() {
        privacy.setRetention(DataKind.CONTACTS, 1095, ErasureMode.DELETE);
        privacy.setRetention(DataKind.CALL_RECORDS, 365, ErasureMode.DELETE);
        privacy.setRetention(DataKind.AUDIT_LOG, 365, ErasureMode.DELETE);
    }

    @Test
    void purge_deletes_exactly_what_is_older_than_its_period() {
        long campaign = campaign();
        Instant now = Instant.now();
        Instant old = now.minus(Duration.ofDays(31));
        Instant young = now.minus(Duration.ofDays(29));
        List<Long> oldContacts = List.of(contact(campaign, randomPhone(), old), contact(campaign, randomPhone(), old),
                contact(campaign, randomPhone(), old));
        long youngContact = contact(campaign, randomPhone(), young);
        String tag = UUID.randomUUID().toString();
        List<String> oldCalls = List.of(call(tag, "+33600000001", old), call(tag, "+33600000002", old),
                call(tag, "+33600000003", old));
        String youngCall = call(tag, "+33600000004", young);
        long oldAudit = audit(tag, old);
        long youngAudit = audit(tag, young);

        privacy.setRetention(DataKind.CONTACTS, 30, ErasureMode.DELETE);
        privacy.setRetention(DataKind.CALL_RECORDS, 30, ErasureMode.DELETE);
        privacy.setRetention(DataKind.AUDIT_LOG, 30, ErasureMode.DELETE);
        PurgeRun run = privacy.purgeNow();

        assertThat(run.status()).isEqualTo("DONE");
        assertThat(run.counts().get("contacts")).isGreaterThanOrEqualTo(3);
        assertThat(run.counts().get("calls")).isGreaterThanOrEqualTo(3);
        assertThat(run.counts().get("audit")).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT id FROM contact WHERE campaign_id = ?").param(campaign).query(Long.class).list())
                .containsExactly(youngContact);
        assertThat(jdbc.sql("SELECT call_id FROM call_history WHERE comment = ?").param(tag).query(String.class)
                .list()).containsExactly(youngCall);
        assertThat(jdbc.sql("SELECT id FROM audit_log WHERE entity_id = ?").param(tag).query(Long.class).list())
                .containsExactly(youngAudit);
        assertThat(oldContacts).isNotEmpty();
        assertThat(oldCalls).isNotEmpty();
        assertThat(oldAudit).isPositive();
        assertThat(privacy.runs(0, 5)).extracting(PurgeRun::id).contains(run.id());
    }

    @Test
    void a_second_node_skips_the_purge_while_one_is_purging() {
        long campaign = campaign();
        long old = contact(campaign, randomPhone(), Instant.now().minus(Duration.ofDays(40)));
        privacy.setRetention(DataKind.CONTACTS, 30, ErasureMode.DELETE);
        try (var otherNode = locks.tryLock(RetentionPurge.LOCK_KEY).orElseThrow()) {
            PurgeRun skipped = privacy.purgeNow();
            assertThat(skipped.status()).isEqualTo("SKIPPED");
            assertThat(count("SELECT count(*) FROM contact WHERE id = ?", old)).isOne();
        }
        assertThat(privacy.purgeNow().status()).isEqualTo("DONE");
        assertThat(count("SELECT count(*) FROM contact WHERE id = ?", old)).isZero();
    }

    @Test
    void anonymising_purge_keeps_the_rows_without_the_person() {
        long campaign = campaign();
        Instant old = Instant.now().minus(Duration.ofDays(40));
        String phone = randomPhone();
        long contact = contact(campaign, phone, old);
        String tag = UUID.randomUUID().toString();
        String callId = call(tag, phone, old);
        privacy.setRetention(DataKind.CONTACTS, 30, ErasureMode.ANONYMISE);
        privacy.setRetention(DataKind.CALL_RECORDS, 30, ErasureMode.ANONYMISE);

        privacy.purgeNow();

        assertThat(jdbc.sql("SELECT phone_e164 || coalesce(first_name, '') FROM contact WHERE id = ?").param(contact)
                .query(String.class).single()).startsWith("+99").doesNotContain(phone);
        assertThat(jdbc.sql("SELECT coalesce(callee, '') || coalesce(comment, '') FROM call_history WHERE call_id = ?")
                .param(callId).query(String.class).single()).isEmpty();
    }

    @Test
    void access_request_finds_a_number_across_campaigns_and_the_export_contains_it() throws Exception {
        String phone = randomPhone();
        String national = "0" + phone.substring(3);
        long first = campaign();
        long second = campaign();
        contact(first, phone, Instant.now());
        contact(second, phone, Instant.now());
        contact(second, randomPhone(), Instant.now());
        String tag = UUID.randomUUID().toString();
        call(tag, phone, Instant.now());

        PersonalDataReport report = privacy.find(national);

        assertThat(report.phone()).isEqualTo(phone);
        assertThat(report.records().get("contacts")).extracting(r -> r.get("campaign_id"))
                .containsExactlyInAnyOrder(first, second);
        assertThat(report.records().get("calls")).extracting(r -> r.get("comment")).contains(tag);
        StringWriter json = new StringWriter();
        privacy.export(phone, ExportFormat.JSON, json);
        assertThat(json.toString()).contains("\"schemaVersion\" : 1").contains(phone).contains(tag)
                .contains("Privacy " + first).contains("Privacy " + second);
        StringWriter csv = new StringWriter();
        privacy.export(phone, ExportFormat.CSV, csv);
        assertThat(csv.toString()).startsWith("source,record,field,value").contains("contacts,2,phone_e164," + phone)
                .contains(tag);
        assertThat(privacy.requests(0, 2)).extracting(PrivacyRequest::kind)
                .containsExactly(PrivacyRequest.Kind.EXPORT, PrivacyRequest.Kind.EXPORT);
        assertThatThrownBy(() -> privacy.find("12ab")).isInstanceOf(EvsException.class)
                .hasFieldOrPropertyWithValue("code", "privacy.invalid-phone");
    }

    @Test
    void erasure_leaves_no_trace_of_the_number_and_keeps_a_proof() {
        String phone = randomPhone();
        long first = campaign();
        long second = campaign();
        long kept = contact(first, randomPhone(), Instant.now());
        contact(first, phone, Instant.now());
        contact(second, phone, Instant.now());
        String tag = UUID.randomUUID().toString();
        call(tag, phone, Instant.now());
        jdbc.sql("INSERT INTO audit_log (actor_name, action, entity, entity_id, summary) VALUES ('t', 'update', "
                + "'contact', ?, ?)").params(tag, "called " + phone).update();

        PrivacyRequest proof = privacy.erase(phone, ErasureMode.DELETE);

        assertThat(count("SELECT count(*) FROM contact WHERE phone_e164 = ?", phone)).isZero();
        assertThat(count("SELECT count(*) FROM call_history WHERE caller = ? OR callee = ? OR comment = ?", phone,
                phone, tag)).isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE position(? IN coalesce(summary, '') || "
                + "coalesce(before::text, '') || coalesce(after::text, '')) > 0", phone)).isZero();
        assertThat(count("SELECT count(*) FROM contact WHERE id = ?", kept)).isOne();
        assertThat(proof.kind()).isEqualTo(PrivacyRequest.Kind.ERASE);
        assertThat(proof.found()).containsEntry("contacts", 2).containsEntry("calls", 1).containsEntry("audit", 1);
        assertThat(proof.done()).containsEntry("contacts", 2).containsEntry("calls", 1).containsEntry("audit", 1);
        assertThat(proof.phoneHash()).hasSize(64).doesNotContain(phone.substring(1));
        assertThat(count("SELECT count(*) FROM privacy_request WHERE id = ?", proof.id())).isOne();
        assertThat(count("SELECT count(*) FROM privacy_request WHERE phone_hash || found::text || done::text "
                + "LIKE ?", "%" + phone.substring(1) + "%")).isZero();
        assertThat(privacy.find(phone).total()).isZero();
        assertThat(privacy.requests(0, 1).getFirst().phoneHash()).isEqualTo(proof.phoneHash());
    }

    @Test
    void anonymising_a_number_keeps_its_calls_without_the_number_the_contact_or_the_comment() {
        String phone = randomPhone();
        long campaign = campaign();
        contact(campaign, phone, Instant.now());
        String tag = UUID.randomUUID().toString();
        String callId = call(tag, phone, Instant.now());

        PrivacyRequest proof = privacy.erase(phone, ErasureMode.ANONYMISE);

        assertThat(proof.kind()).isEqualTo(PrivacyRequest.Kind.ANONYMISE);
        assertThat(proof.done()).containsEntry("calls", 1);
        assertThat(count("SELECT count(*) FROM call_history WHERE call_id = ? AND callee IS NULL AND comment IS NULL "
                + "AND contact_id IS NULL AND caller = '+33100000000'", callId)).as("the call stays, anonymous").isOne();
        assertThat(privacy.find(phone).total()).isZero();
    }

    private long count(String sql, Object... args) {
        return jdbc.sql(sql).params(args).query(Long.class).single();
    }

    private long campaign() {
        long id = campaigns.create(new NewCampaign("Privacy " + UUID.randomUUID(), 3, 600, 25, null));
        jdbc.sql("UPDATE campaign SET name = ? WHERE id = ?").params("Privacy " + id, id).update();
        return id;
    }

    private long contact(long campaign, String phone, Instant updated) {
        return jdbc.sql("""
                INSERT INTO contact (campaign_id, first_name, last_name, phone_e164, status, created_at, updated_at)
                VALUES (?, 'Ada', 'Lovelace', ?, 'DONE', ?, ?) RETURNING id""")
                .params(campaign, phone, Timestamp.from(updated), Timestamp.from(updated)).query(Long.class).single();
    }

    private String call(String tag, String phone, Instant started) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO call_history (call_id, direction, caller, callee, started_at, comment)
                VALUES (?, 'OUTBOUND', '+33100000000', ?, ?, ?)""")
                .params(id, phone, Timestamp.from(started), tag).update();
        return id;
    }

    private long audit(String tag, Instant at) {
        return jdbc.sql("INSERT INTO audit_log (at, actor_name, action, entity, entity_id) VALUES (?, 't', 'x', "
                + "'test', ?) RETURNING id").params(Timestamp.from(at), tag).query(Long.class).single();
    }

    /** A valid French mobile number (06 14 ..., a block libphonenumber knows as valid), different in each test. */
    private static String randomPhone() {
        return "+33614" + (100_000 + ThreadLocalRandom.current().nextInt(900_000));
    }
}
