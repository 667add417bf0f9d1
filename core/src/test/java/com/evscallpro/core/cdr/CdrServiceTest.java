package com.evscallpro.core.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.testsupport.DataServicesTestApplication;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DataServicesTestApplication.class)
class CdrServiceTest {

    @Autowired CdrService cdr;
    @Autowired CampaignService campaigns;
    @Autowired ContactImportService imports;
    @Autowired ContactLifecycleService contacts;
    @Autowired UserAccountService users;

    private long campaignId;
    private long contactId;
    private long agentId;

    private static final Instant T0 = Instant.parse("2025-05-06T09:00:00Z");

    @BeforeEach
    void data() {
        campaignId = campaigns.create(NewCampaign.withDefaults("Cdr " + UUID.randomUUID()));
        imports.importContacts(campaignId, List.of(new ContactInput("A", "B", "0612345678", Map.of())));
        contactId = contacts.contacts(campaignId, 0, 1).get(0).id();
        agentId = users.create("agent-" + UUID.randomUUID(), "pw", null, UserAccount.Role.AGENT, null, "fr").id();
    }

    private CallRecord answered(String callId, Instant started) {
        return new CallRecord(null, callId, "1746522000.42", "1746522000.42", CallDirection.OUTBOUND,
                "+33100000000", "+33612345678", started, started.plusSeconds(8), started.plusSeconds(98), 98, 90,
                CdrDisposition.ANSWERED, 16, "Normal Clearing", campaignId, contactId, agentId, null, null, 1,
                2251799813685249L, null);
    }

    @Test
    void recording_the_same_call_twice_keeps_one_row() {
        String callId = "call-" + UUID.randomUUID();

        cdr.record(answered(callId, T0));
        CallRecord first = cdr.byCallId(callId).orElseThrow();
        cdr.record(answered(callId, T0));

        assertThat(cdr.byContact(contactId)).singleElement().isEqualTo(first);
        assertThat(first.id()).isNotNull();
        assertThat(first.createdAt()).isNotNull();
        assertThat(first.billsec()).isEqualTo(90);
        assertThat(first.answeredAt()).isEqualTo(T0.plusSeconds(8));
        assertThat(first.disposition()).isEqualTo(CdrDisposition.ANSWERED);
    }

    @Test
    void a_later_record_of_the_same_call_completes_it_without_erasing() {
        String callId = "call-" + UUID.randomUUID();
        cdr.record(answered(callId, T0));

        cdr.record(new CallRecord(null, callId, null, null, CallDirection.OUTBOUND, null, null, T0, null, null,
                null, null, null, null, null, null, null, null, "SALE", "Signed for 12 months", null, null, null));

        CallRecord done = cdr.byCallId(callId).orElseThrow();
        assertThat(done.qualificationCode()).isEqualTo("SALE");
        assertThat(done.comment()).isEqualTo("Signed for 12 months");
        assertThat(done.billsec()).isEqualTo(90);
        assertThat(done.agentId()).isEqualTo(agentId);
        assertThat(done.hangupCauseText()).isEqualTo("Normal Clearing");
    }

    @Test
    void no_answer_is_stored_with_asterisk_spelling_and_read_back_as_the_enum() {
        String callId = "call-" + UUID.randomUUID();
        cdr.record(new CallRecord(null, callId, "1.1", "1.1", CallDirection.OUTBOUND, "+33100000000",
                "+33612345678", T0, null, T0.plusSeconds(25), 25, 0, CdrDisposition.NO_ANSWER, 19,
                "No answer", campaignId, contactId, null, null, null, 1, null, null));

        assertThat(cdr.byCallId(callId)).get().extracting(CallRecord::disposition).isEqualTo(CdrDisposition.NO_ANSWER);
        assertThat(CdrDisposition.NO_ANSWER.asterisk()).isEqualTo("NO ANSWER");
        assertThat(CdrDisposition.fromAsterisk("NO ANSWER")).isEqualTo(CdrDisposition.NO_ANSWER);
    }

    @Test
    void calls_are_listed_newest_first_per_contact_campaign_and_agent() {
        cdr.record(answered("old-" + UUID.randomUUID(), T0));
        cdr.record(answered("new-" + UUID.randomUUID(), T0.plusSeconds(3600)));

        assertThat(cdr.byContact(contactId)).extracting(CallRecord::startedAt)
                .containsExactly(T0.plusSeconds(3600), T0);
        assertThat(cdr.byCampaign(campaignId, 0, 1)).extracting(CallRecord::startedAt)
                .containsExactly(T0.plusSeconds(3600));
        assertThat(cdr.byCampaign(campaignId, 1, 10)).extracting(CallRecord::startedAt).containsExactly(T0);
        assertThat(cdr.byAgent(agentId, 0, 10)).hasSize(2);
        assertThat(cdr.latest(0, 1)).hasSize(1);
    }

    @Test
    void a_record_needs_a_call_id_a_direction_and_a_start_time() {
        assertThatThrownBy(() -> cdr.record(new CallRecord(null, null, null, null, CallDirection.INBOUND, null,
                null, T0, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("callId");
    }
}
