package com.evscallpro.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.agent.AgentState;
import com.evscallpro.core.call.OutboundCallTracker;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ContactLifecycleService;
import com.evscallpro.core.contact.ContactStatus;
import com.evscallpro.core.contact.ContactView;
import com.evscallpro.core.dialer.DialerSettings;
import com.evscallpro.core.dialer.ProgressiveDialer;
import com.evscallpro.core.rules.CallingRules;
import com.evscallpro.core.testsupport.RecordingProcessGateway;
import com.evscallpro.core.testsupport.ScriptedPbx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Agents take only their campaigns, and every claimed contact passes the calling rules: the real progressive dialer
 * on PostgreSQL (campaigns, their agent groups, contacts, memberships), the real agent sessions, a scripted PBX.
 */
class CampaignGroupsDialingTest extends AcdTestBase {

    @Autowired
    CampaignService campaigns;
    @Autowired
    ContactImportService imports;
    @Autowired
    ContactLifecycleService contacts;

    private final ScriptedPbx pbx = new ScriptedPbx();
    private final RecordingProcessGateway processes = new RecordingProcessGateway();
    private final List<Long> vetted = new CopyOnWriteArrayList<>();

    @org.junit.jupiter.api.BeforeEach
    void onlyThisTestsCampaignsRun() {
        campaigns.running().forEach(c -> campaigns.pause(c.id())); // other tests' campaigns share the database
    }

    private ProgressiveDialer dialer(CallingRules rules) {
        OutboundCallTracker calls = new OutboundCallTracker(pbx, processes, routing, events);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (rules != null) {
            beans.addBean("rules", rules);
        }
        return new ProgressiveDialer(campaigns, contacts, routing, calls, processes,
                new DialerSettings(true, null, null, null, null, null), pbx, null, groups,
                beans.getBeanProvider(CallingRules.class), List.of());
    }

    private long campaign(String name, Long groupId, String... phones) {
        long id = campaigns.create(new NewCampaign(name + " " + tag, 3, 600, 25, null));
        imports.importContacts(id, java.util.Arrays.stream(phones)
                .map(p -> new ContactInput("C", p, p, Map.of())).toList());
        if (groupId != null) {
            jdbc.sql("INSERT INTO campaign_agent_group (campaign_id, group_id) VALUES (?, ?)")
                    .params(id, groupId).update();
        }
        campaigns.start(id);
        return id;
    }

    @Test
    void an_agent_of_another_group_never_receives_the_campaigns_calls() {
        long sales = agent("Sales");
        long support = agent("Support");
        long salesGroup = group("Sales", sales);
        group("Support", support);
        long salesOnly = campaign("Sales only", salesGroup, "+33612340201", "+33612340202", "+33612340203");
        ProgressiveDialer dialer = dialer(null);

        readyInOrder(support, sales); // support has waited the longest: it is asked first
        assertThat(dialer.tick()).isEqualTo(1);

        assertThat(agents.status(sales).state()).isEqualTo(AgentState.RESERVED);
        assertThat(agents.status(support).state()).as("not in the campaign's group").isEqualTo(AgentState.READY);
        assertThat(contacts.contacts(salesOnly, 0, 10)).filteredOn(c -> c.status() == ContactStatus.IN_PROGRESS)
                .hasSize(1);

        // A campaign with no group: everyone takes it, so the support agent gets that one.
        long everyone = campaign("Everyone", null, "+33612340301");
        assertThat(dialer.tick()).isEqualTo(1);
        assertThat(agents.status(support).state()).isEqualTo(AgentState.RESERVED);
        assertThat(contacts.contacts(everyone, 0, 10)).singleElement()
                .extracting(ContactView::status).isEqualTo(ContactStatus.IN_PROGRESS);
        assertThat(contacts.contacts(salesOnly, 0, 10)).filteredOn(c -> c.status() == ContactStatus.IN_PROGRESS)
                .hasSize(1);
    }

    @Test
    void a_contact_the_calling_rules_refuse_is_dropped_and_the_next_one_dialled() {
        long agent = agent("Ruled");
        long id = campaign("Ruled", null, "+33612340401", "+33612340402");
        ProgressiveDialer dialer = dialer((campaign, contact, now) -> {
            vetted.add(contact.contactId());
            if (vetted.size() == 1) {
                contacts.scheduleRetry(contact.contactId(), java.time.Duration.ofHours(1)); // what the rules do
                return CallingRules.Verdict.refuse("hours", "closed", now.plusSeconds(3600));
            }
            return CallingRules.Verdict.allow();
        });
        agents.goReady(agent);

        assertThat(dialer.tick()).isEqualTo(1);

        assertThat(vetted).hasSize(2);
        assertThat(processes.told).singleElement().satisfies(line -> assertThat(line).startsWith("start "));
        Map<Long, ContactStatus> byId = new java.util.HashMap<>();
        contacts.contacts(id, 0, 10).forEach(c -> byId.put(c.id(), c.status()));
        assertThat(byId.get(vetted.get(0))).isEqualTo(ContactStatus.RETRY);
        assertThat(byId.get(vetted.get(1))).isEqualTo(ContactStatus.IN_PROGRESS);
    }
}
