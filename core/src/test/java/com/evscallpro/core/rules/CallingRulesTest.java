package com.evscallpro.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.evscallpro.core.audit.AuditFilter;
import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignSettings;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.ContactStatus;
import com.evscallpro.core.contact.ContactView;
import com.evscallpro.core.contact.DialableContact;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.event.EventBus;
import com.evscallpro.core.rules.CallingRules.Verdict;
import com.evscallpro.core.task.CallQualified;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.evscallpro.db.rules.RulesTables;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The French preset's rules that hold state, on the real database: attempts per number across campaigns, the
 * silence after a refusal, Bloctel (opposed, stale, export and answer), the do-not-call list (by hand and fed by
 * qualifications), consent since 11 August 2026, ARCEP's presented numbers, overrides with a reason; every refusal
 * stored and the contact moved out of IN_PROGRESS.
 */
@SpringBootTest(classes = {DataServicesTestApplication.class, CallingRulesTest.Config.class})
class CallingRulesTest {

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackages = {"com.evscallpro.core.rules", "com.evscallpro.db.rules",
            "com.evscallpro.core.event"})
    static class Config {
    }

    /** Tuesday 8 December 2026, 11:00 in Paris: inside the French hours. */
    static final Instant TUESDAY_11H = Instant.parse("2026-12-08T10:00:00Z");
    static final String ALLOWED_CALLER = "+33162000000";

    @Autowired
    CallingRules rules;
    @Autowired
    CallingRulesAdmin admin;
    @Autowired
    CampaignService campaigns;
    @Autowired
    ContactImportService imports;
    @Autowired
    ContactLifecycleService contacts;
    @Autowired
    RulesTables tables;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventBus events;
    @Autowired
    AuditTrail audit;

    private static String randomMobile() {
        return "+33612" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
    }

    private long campaign(String callerId) {
        return campaigns.create(new NewCampaign("Rules " + UUID.randomUUID(), 3, 600, 25, callerId));
    }

    private DialableContact contact(long campaignId, String phone) {
        var report = imports.importContacts(campaignId, List.of(new ContactInput("Ana", "Test", phone, Map.of())));
        assertThat(report.rejected()).as(phone).isEmpty();
        ContactView c = contacts.contacts(campaignId, 0, 1000).stream()
                .filter(v -> v.phoneE164().equals(phone)).findFirst().orElseThrow();
        return new DialableContact(c.id(), campaignId, "Ana", "Test", phone, Map.of(), 1);
    }

    /** A contact no consent or Bloctel rule stops (an existing contract), in a campaign with an allowed number. */
    private DialableContact customer(long campaignId, String phone) {
        DialableContact c = contact(campaignId, phone);
        jdbc.sql("UPDATE contact SET existing_contract = true WHERE id = ?").param(c.contactId()).update();
        return c;
    }

    private void history(long campaignId, String phone, Instant at, String qualification) {
        jdbc.sql("INSERT INTO call_history (call_id, direction, callee, started_at, campaign_id, qualification_code) "
                        + "VALUES (?, 'OUTBOUND', ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), phone, Timestamp.from(at), campaignId, qualification).update();
    }

    private Verdict vet(long campaignId, DialableContact c, Instant now) {
        return rules.vet(campaigns.settings(campaignId), c, now);
    }

    @ParameterizedTest(name = "{0} earlier attempts, the oldest {1} s ago: {2}")
    @CsvSource(textBlock = """
            3, 86400,   true
            4, 2591999, false
            4, 2592000, true
            5, 2592000, false
            """)
    void at_most_4_attempts_per_number_in_30_days_across_campaigns(int attempts, long oldestSecondsAgo,
                                                                  boolean allowed) {
        long elsewhere = campaign(ALLOWED_CALLER);
        long campaignId = campaign(ALLOWED_CALLER);
        String phone = randomMobile();
        DialableContact c = customer(campaignId, phone);
        Instant oldest = TUESDAY_11H.minusSeconds(oldestSecondsAgo);
        history(elsewhere, phone, oldest, null);
        for (int i = 1; i < attempts; i++) {
            history(i % 2 == 0 ? elsewhere : campaignId, phone, TUESDAY_11H.minus(i, ChronoUnit.HOURS), null);
        }
        Verdict v = vet(campaignId, c, TUESDAY_11H);
        assertThat(v.allowed()).isEqualTo(allowed);
        if (!allowed) {
            assertThat(v.rule()).isEqualTo("attempts-30d");
            // due again once enough attempts left the window: the oldest of the 4 in it, 30 days later
            Instant oldestInWindow = attempts == 4 ? oldest : TUESDAY_11H.minus(4, ChronoUnit.HOURS);
            assertThat(v.notBefore()).isEqualTo(oldestInWindow.plus(30, ChronoUnit.DAYS));
        }
    }

    @Test
    void a_callback_refused_outside_the_hours_stays_a_callback_instead_of_becoming_a_retry() {
        long campaignId = campaign(ALLOWED_CALLER);
        DialableContact c = customer(campaignId, randomMobile());
        contacts.scheduleCallback(c.contactId(), Instant.now().minusSeconds(60));
        List<DialableContact> claimed = contacts.claimDue(campaignId, 1);
        assertThat(claimed).extracting(DialableContact::contactId).containsExactly(c.contactId());

        Instant sunday = Instant.parse("2026-12-13T10:00:00Z"); // Sunday 11:00 in Paris: no calls
        Verdict v = vet(campaignId, claimed.get(0), sunday);
        assertThat(v.allowed()).isFalse();
        String status = jdbc.sql("SELECT status FROM contact WHERE id = ?").param(c.contactId())
                .query(String.class).single();
        assertThat(status).as("given back as what it was: a callback").isEqualTo("CALLBACK");

        DialableContact plain = customer(campaignId, randomMobile());
        assertThat(contacts.claimDue(campaignId, 1)).extracting(DialableContact::contactId)
                .containsExactly(plain.contactId());
        assertThat(vet(campaignId, plain, sunday).allowed()).isFalse();
        assertThat(jdbc.sql("SELECT status FROM contact WHERE id = ?").param(plain.contactId())
                .query(String.class).single()).as("a new contact refused becomes a retry, as before")
                .isEqualTo("RETRY");
    }

    @Test
    void attempts_under_way_to_the_same_number_count_in_the_30_day_limit() {
        long elsewhere = campaign(ALLOWED_CALLER);
        long campaignId = campaign(ALLOWED_CALLER);
        String phone = randomMobile();
        for (int i = 1; i <= 3; i++) {
            history(elsewhere, phone, TUESDAY_11H.minus(i, ChronoUnit.DAYS), null);
        }
        DialableContact c = customer(campaignId, phone);
        assertThat(vet(campaignId, c, TUESDAY_11H).allowed()).as("3 attempts in 30 days, none under way").isTrue();
        jdbc.sql("UPDATE contact SET status = 'IN_PROGRESS' WHERE id = ?").param(c.contactId()).update();

        DialableContact other = customer(elsewhere, phone); // the same number claimed by another line meanwhile
        jdbc.sql("UPDATE contact SET status = 'IN_PROGRESS' WHERE id = ?").param(other.contactId()).update();
        Verdict v = vet(elsewhere, other, TUESDAY_11H);
        assertThat(v.allowed()).as("3 recorded + 1 under way = 4").isFalse();
        assertThat(v.rule()).isEqualTo("attempts-30d");
        assertThat(v.notBefore()).isEqualTo(TUESDAY_11H.minus(3, ChronoUnit.DAYS).plus(30, ChronoUnit.DAYS));
    }

    @ParameterizedTest(name = "{0} {1} days ago: {2}")
    @CsvSource(textBlock = """
            NOT_INTERESTED, 59, false
            NOT_INTERESTED, 60, true
            SALE,           1,  true
            """)
    void a_refusal_silences_the_number_for_60_days_across_campaigns(String qualification, int daysAgo,
                                                                   boolean allowed) {
        long elsewhere = campaign(ALLOWED_CALLER);
        long campaignId = campaign(ALLOWED_CALLER);
        String phone = randomMobile();
        DialableContact c = customer(campaignId, phone);
        Instant refusedAt = TUESDAY_11H.minus(daysAgo, ChronoUnit.DAYS);
        history(elsewhere, phone, refusedAt, qualification);
        Verdict v = vet(campaignId, c, TUESDAY_11H);
        assertThat(v.allowed()).isEqualTo(allowed);
        if (!allowed) {
            assertThat(v.rule()).isEqualTo("refusal-silence");
            assertThat(v.notBefore()).isEqualTo(refusedAt.plus(60, ChronoUnit.DAYS));
        }
    }

    @ParameterizedTest(name = "checked {0} s ago, opposed {1}: {2}")
    @CsvSource(nullValues = "-", textBlock = """
            -,       false, bloctel-stale
            86400,   false, -
            2591999, false, -
            2592001, false, bloctel-stale
            86400,   true,  bloctel
            """)
    void bloctel_opposition_and_a_check_older_than_30_days_block_prospecting(Long checkedSecondsAgo, boolean opposed,
                                                                            String refusal) {
        long campaignId = campaign(ALLOWED_CALLER);
        String phone = randomMobile();
        DialableContact c = contact(campaignId, phone);
        jdbc.sql("UPDATE contact SET consent_at = ? WHERE id = ?")
                .params(Timestamp.from(TUESDAY_11H.minus(100, ChronoUnit.DAYS)), c.contactId()).update();
        if (checkedSecondsAgo != null) {
            tables.upsertBloctelCheck(phone, TUESDAY_11H.minusSeconds(checkedSecondsAgo), opposed);
        }
        Verdict v = vet(campaignId, c, TUESDAY_11H);
        assertThat(v.rule()).isEqualTo(refusal);
        assertThat(v.allowed()).isEqualTo(refusal == null);
        if ("bloctel".equals(refusal)) {
            assertThat(v.notBefore()).as("opposed: never").isNull();
        }
    }

    @Test
    void bloctel_export_lists_national_numbers_and_the_dated_answer_blocks_the_opposed_ones() throws Exception {
        long campaignId = campaign(ALLOWED_CALLER);
        String free = randomMobile();
        String opposed = randomMobile();
        DialableContact freeContact = contact(campaignId, free);
        DialableContact opposedContact = contact(campaignId, opposed);
        jdbc.sql("UPDATE contact SET consent_at = now() - interval '10 days' WHERE campaign_id = ?")
                .param(campaignId).update();

        CallingRulesAdmin.BloctelExport export = admin.exportBloctel(campaignId);
        assertThat(export.numbers()).isEqualTo(2);
        assertThat(export.content().split("\r\n")).containsExactlyInAnyOrder(
                "0" + free.substring(3), "0" + opposed.substring(3));

        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        CallingRulesAdmin.BloctelImport answer = admin.importBloctelAnswer(campaignId,
                new StringReader("numero\n0" + opposed.substring(3) + "\n"), today, true);
        assertThat(answer.checked()).isEqualTo(2);
        assertThat(answer.opposed()).isEqualTo(1);
        assertThat(answer.ignoredLines()).as("the header").isEqualTo(1);
        assertThat(admin.bloctelSubmissions(campaignId)).singleElement()
                .satisfies(s -> assertThat(s.opposed()).isEqualTo(1));

        Instant now = Instant.now();
        CampaignSettings settings = campaigns.settings(campaignId);
        assertThat(rules.vet(settings, opposedContact, now).rule()).isEqualTo("bloctel");
        Verdict forFree = rules.vet(settings, freeContact, now);
        assertThat(forFree.rule()).as("checked today: not stale, not opposed").isNotIn("bloctel", "bloctel-stale");

        assertThatThrownBy(() -> admin.importBloctelAnswer(campaignId, new StringReader(""), today.plusDays(1), true))
                .isInstanceOf(EvsException.class).hasFieldOrPropertyWithValue("code", "rules.bloctel-date-invalid");
    }

    @ParameterizedTest(name = "{0} consent {1} contract {2}: {3}")
    @CsvSource(nullValues = "-", textBlock = """
            2026-08-10T09:00:00Z, false, false, -
            2026-08-11T09:00:00Z, false, false, consent
            2026-08-11T09:00:00Z, true,  false, -
            2026-08-11T09:00:00Z, false, true,  -
            """)
    void prospecting_needs_prior_consent_since_11_august_2026_unless_a_contract(Instant now, boolean consent,
                                                                               boolean contract, String refusal) {
        long campaignId = campaign(ALLOWED_CALLER);
        String phone = randomMobile();
        DialableContact c = contact(campaignId, phone);
        tables.upsertBloctelCheck(phone, now.minus(1, ChronoUnit.DAYS), false);
        jdbc.sql("UPDATE contact SET consent_at = ?, existing_contract = ? WHERE id = ?")
                .params(consent ? Timestamp.from(now.minus(5, ChronoUnit.DAYS)) : null, contract, c.contactId())
                .update();
        assertThat(vet(campaignId, c, now).rule()).isEqualTo(refusal);
    }

    @Test
    void a_non_prospecting_campaign_needs_no_consent_once_overridden_with_a_reason() {
        long campaignId = campaign(ALLOWED_CALLER);
        String phone = randomMobile();
        DialableContact c = contact(campaignId, phone);
        Instant now = Instant.parse("2026-09-01T09:00:00Z");
        assertThat(vet(campaignId, c, now).rule()).isEqualTo("consent");

        assertThatThrownBy(() -> admin.override(campaignId, "purpose", "prospecting", true, "false", " "))
                .hasFieldOrPropertyWithValue("code", "rules.reason-required");
        admin.override(campaignId, "purpose", "prospecting", true, "false", "satisfaction survey of our customers");
        assertThat(vet(campaignId, c, now).allowed()).isTrue();
        assertThat(admin.campaignRules(campaignId).overrides()).singleElement().satisfies(o -> {
            assertThat(o.reason()).isEqualTo("satisfaction survey of our customers");
            assertThat(o.author()).isNotBlank();
        });
        assertThat(audit.search(new AuditFilter(null, "calling-rule-override", null, null), 0, 50))
                .anySatisfy(e -> assertThat(e.summary()).contains("campaign " + campaignId)
                        .contains("satisfaction survey"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "-", textBlock = """
            +33162000000,  true
            +33163123456,  true
            +33270123456,  true
            +33377123456,  true
            +33424123456,  true
            +33569123456,  true
            +33948123456,  true
            +33949123456,  true
            +339478123456, true
            +33170000000,  false
            +33612345678,  false
            +33937123456,  false
            -,             false
            """)
    void the_presented_number_must_be_in_arcep_ranges_for_automated_calls(String callerId, boolean allowed) {
        long campaignId = campaign(callerId);
        DialableContact c = customer(campaignId, randomMobile());
        Verdict v = vet(campaignId, c, TUESDAY_11H);
        assertThat(v.allowed()).isEqualTo(allowed);
        if (!allowed) {
            assertThat(v.rule()).isEqualTo("presented-number");
            assertThat(v.notBefore()).isEqualTo(TUESDAY_11H.plus(15, ChronoUnit.MINUTES));
        }
    }

    @Test
    void the_do_not_call_list_applies_to_every_campaign_by_hand_and_from_qualifications() {
        long first = campaign(ALLOWED_CALLER);
        long second = campaign(ALLOWED_CALLER);
        String phone = randomMobile();
        DialableContact inFirst = customer(first, phone);
        DialableContact inSecond = customer(second, phone);

        assertThatThrownBy(() -> admin.addDoNotCall(phone, "FR", ""))
                .hasFieldOrPropertyWithValue("code", "rules.reason-required");
        admin.addDoNotCall("0" + phone.substring(3), "FR", "asked by letter");
        assertThat(vet(second, inSecond, TUESDAY_11H).rule()).isEqualTo("do-not-call");
        assertThat(contacts.contacts(second, 0, 10)).singleElement()
                .satisfies(v -> assertThat(v.status()).as("closed for good").isEqualTo(ContactStatus.DONE));
        assertThat(admin.doNotCall(phone.substring(3), 0, 10)).singleElement()
                .satisfies(e -> assertThat(e.source()).isEqualTo("MANUAL"));
        admin.removeDoNotCall(phone, "FR", "entered by mistake");
        assertThat(vet(first, inFirst, TUESDAY_11H).allowed()).isTrue();
        assertThatThrownBy(() -> admin.removeDoNotCall(phone, "FR", "again"))
                .hasFieldOrPropertyWithValue("code", "rules.do-not-call.not-found");

        events.publish(new CallQualified("call-" + UUID.randomUUID(), 1, first, inFirst.contactId(), "DO_NOT_CALL",
                "DO_NOT_CALL", null, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> tables.doNotCall(phone).isPresent());
        assertThat(tables.doNotCall(phone).orElseThrow().source()).isEqualTo("QUALIFICATION");
        assertThat(vet(second, inSecond, TUESDAY_11H).rule()).isEqualTo("do-not-call");
    }

    @Test
    void a_refusal_is_stored_and_the_claimed_contact_waits_for_the_next_allowed_hour_without_losing_an_attempt() {
        long campaignId = campaign(ALLOWED_CALLER);
        String phone = randomMobile();
        customer(campaignId, phone);
        DialableContact claimed = contacts.claimDue(campaignId, 1).getFirst();
        assertThat(claimed.attempt()).isEqualTo(1);
        Instant sunday22h = Instant.parse("2026-12-13T21:00:00Z");

        Verdict v = vet(campaignId, claimed, sunday22h);

        assertThat(v.allowed()).isFalse();
        assertThat(v.rule()).isEqualTo("hours");
        assertThat(v.notBefore()).isEqualTo(Instant.parse("2026-12-14T09:00:00Z"));
        ContactView after = contacts.contacts(campaignId, 0, 10).getFirst();
        assertThat(after.status()).isEqualTo(ContactStatus.RETRY);
        assertThat(after.attempts()).as("the refused claim used no attempt").isZero();
        assertThat(admin.refusalsOfContact(claimed.contactId(), 10)).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("hours");
            assertThat(r.at()).isEqualTo(sunday22h);
            assertThat(r.notBefore()).isEqualTo(v.notBefore());
            assertThat(r.detail()).contains("Europe/Paris").contains("2026-12-13T22:00");
        });
        assertThat(admin.refusalSummary(campaignId, sunday22h.minusSeconds(1), sunday22h.plusSeconds(1)))
                .singleElement().satisfies(s -> {
                    assertThat(s.rule()).isEqualTo("hours");
                    assertThat(s.count()).isEqualTo(1);
                });
    }

    @Test
    void an_override_changes_one_parameter_or_switches_a_rule_off_only_with_a_reason() {
        long campaignId = campaign(ALLOWED_CALLER);
        DialableContact c = customer(campaignId, randomMobile());
        Instant tuesday9h = Instant.parse("2026-12-08T08:00:00Z");
        assertThat(vet(campaignId, c, tuesday9h).rule()).isEqualTo("hours");

        CallingRulesAdmin.RuleOverride slots = admin.override(campaignId, "hours", "slots", true,
                "[\"09:00-13:00\",\"14:00-20:00\"]", "agreed with the customer's works council");
        assertThat(vet(campaignId, c, tuesday9h).allowed()).isTrue();
        admin.removeOverride(campaignId, slots.id(), "back to the law");
        assertThat(vet(campaignId, c, tuesday9h).rule()).isEqualTo("hours");

        assertThatThrownBy(() -> admin.override(campaignId, "hours", "slots", true, "4", "why not"))
                .hasFieldOrPropertyWithValue("code", "rules.value-invalid");
        assertThatThrownBy(() -> admin.override(campaignId, "hours", "slots", true, "[\"25:00-26:00\"]", "x"))
                .hasFieldOrPropertyWithValue("code", "rules.value-invalid");
        assertThatThrownBy(() -> admin.override(campaignId, "hours", "colour", true, "1", "x"))
                .hasFieldOrPropertyWithValue("code", "rules.parameter-unknown");
        assertThatThrownBy(() -> admin.override(campaignId, "speed", null, false, null, "x"))
                .hasFieldOrPropertyWithValue("code", "rules.rule-unknown");

        Instant sunday = Instant.parse("2026-12-13T10:00:00Z");
        admin.override(campaignId, "hours", null, false, null, "emergency recall of a faulty product");
        assertThat(vet(campaignId, c, sunday).allowed()).isTrue();
        assertThat(admin.campaignRules(campaignId).effectiveRules()).doesNotContainKey("hours");
    }

    @Test
    void the_none_preset_allows_any_hour_and_is_set_with_a_reason() {
        long campaignId = campaign("+33170000000");
        DialableContact c = contact(campaignId, randomMobile());
        Instant sunday22h = Instant.parse("2026-12-13T21:00:00Z");
        assertThat(vet(campaignId, c, sunday22h).allowed()).isFalse();
        assertThatThrownBy(() -> admin.usePreset(campaignId, "XX", "test"))
                .hasFieldOrPropertyWithValue("code", "rules.preset-unknown");
        admin.usePreset(campaignId, "NONE", "end-to-end test");
        assertThat(campaigns.settings(campaignId).legalPreset()).isEqualTo("NONE");
        assertThat(vet(campaignId, c, sunday22h).allowed()).isTrue();
    }

    @Test
    void a_manual_call_of_a_number_of_no_campaign_is_vetted_by_the_do_not_call_list_and_the_default_hours() {
        String phone = randomMobile();
        assertThat(rules.check(null, 0, phone, TUESDAY_11H).allowed()).isTrue();
        Verdict sunday = rules.check(null, 0, phone, Instant.parse("2026-12-06T10:00:00Z"));
        assertThat(sunday.allowed()).isFalse();
        assertThat(sunday.rule()).isEqualTo(CallingRuleCodes.HOURS);
        Verdict christmas = rules.check(null, 0, phone, Instant.parse("2026-12-25T10:00:00Z"));
        assertThat(christmas.rule()).isEqualTo(CallingRuleCodes.HOLIDAY);

        admin.addDoNotCall(phone, "FR", "asked on the phone");
        Verdict listed = rules.check(null, 0, phone, TUESDAY_11H);
        assertThat(listed.allowed()).isFalse();
        assertThat(listed.rule()).isEqualTo(CallingRuleCodes.DO_NOT_CALL);
        assertThat(listed.notBefore()).isNull();
    }

    @Test
    void a_manual_call_within_a_campaign_gets_its_rules_and_nothing_is_stored_nor_moved() {
        long campaignId = campaign(null); // no presented number: the ARCEP rule refuses
        DialableContact c = customer(campaignId, randomMobile());
        CampaignSettings settings = campaigns.settings(campaignId);
        Verdict verdict = rules.check(settings, c.contactId(), c.phoneE164(), TUESDAY_11H);
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.rule()).isEqualTo(CallingRuleCodes.PRESENTED_NUMBER);
        assertThat(jdbc.sql("SELECT count(*) FROM dial_refusal WHERE contact_id = ?").param(c.contactId())
                .query(Long.class).single()).isZero();
        assertThat(contacts.contacts(campaignId, 0, 10).getFirst().status()).isEqualTo(ContactStatus.NEW);

        long allowed = campaign(ALLOWED_CALLER);
        DialableContact other = customer(allowed, randomMobile());
        assertThat(rules.check(campaigns.settings(allowed), other.contactId(), other.phoneE164(), TUESDAY_11H)
                .allowed()).isTrue();
        // a typed number that is no contact has no consent nor contract: a prospecting campaign may not call it
        assertThat(rules.check(campaigns.settings(allowed), 0, randomMobile(), TUESDAY_11H).rule())
                .isEqualTo(CallingRuleCodes.CONSENT);
    }
}
