package com.evscallpro.sandbox;

import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.NewCampaign;
import com.evscallpro.core.contact.ContactImportService;
import com.evscallpro.core.agentdesk.CustomFieldLabels;
import com.evscallpro.core.agentdesk.CustomFieldLabels.FieldLabel;
import com.evscallpro.core.contact.ContactInput;
import com.evscallpro.core.contact.ImportReport;
import com.evscallpro.core.rules.CallingRulesAdmin;
import com.evscallpro.core.user.UserAccount.Role;
import com.evscallpro.core.user.UserAccountService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;

/**
 * Demo users, and a running campaign with contacts, created on the first start of the embedded mode only
 * ({@code evs.sandbox.demo-data=true}); a second start finds them in ./data and creates nothing.
 */
@ConditionalOnProperty(name = "evs.sandbox.demo-data", havingValue = "true")
@Order(0)
class DemoData implements ApplicationRunner {

    static final List<String> LOGINS = List.of(
            "admin / admin            (back office)",
            "supervisor / supervisor  (live supervision)",
            "agent1 / agent1          (agent workspace, extension 2001)",
            "agent2 / agent2          (agent workspace, extension 2002)",
            "analyst / analyst        (call flows: the BPMN editor)");

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private static final String[][] PEOPLE = {
            {"Camille", "Durand"}, {"Lucas", "Bernard"}, {"Léa", "Moreau"}, {"Hugo", "Laurent"},
            {"Chloé", "Simon"}, {"Louis", "Michel"}, {"Emma", "Lefebvre"}, {"Gabriel", "Leroy"},
            {"Manon", "Roux"}, {"Arthur", "David"}, {"Inès", "Bertrand"}, {"Jules", "Morel"},
            {"Sarah", "Fournier"}, {"Nathan", "Girard"}, {"Jade", "Bonnet"}, {"Raphaël", "Dupont"},
            {"Louise", "Lambert"}, {"Adam", "Fontaine"}, {"Alice", "Rousseau"}, {"Paul", "Vincent"}};

    private static final String[] CITIES = {"Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Lille", "Bordeaux"};

    private final UserAccountService users;
    private final CampaignService campaigns;
    private final ContactImportService contacts;
    private final CallingRulesAdmin rules;
    private final CustomFieldLabels fieldLabels;

    DemoData(UserAccountService users, CampaignService campaigns, ContactImportService contacts,
             CallingRulesAdmin rules, CustomFieldLabels fieldLabels) {
        this.users = users;
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.rules = rules;
        this.fieldLabels = fieldLabels;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!users.exists("analyst")) { // also on a trial's data from before the analyst role
            users.create("analyst", "analyst", "Anne Analyste", Role.ANALYST, null, "fr");
        }
        if (users.exists("admin")) {
            return;
        }
        users.create("admin", "admin", "Admin EVS", Role.ADMIN, null, "fr");
        users.create("supervisor", "supervisor", "Sophie Superviseur", Role.SUPERVISOR, null, "fr");
        users.create("agent1", "agent1", "Alice Martin", Role.AGENT, "2001", "fr");
        users.create("agent2", "agent2", "Bruno Petit", Role.AGENT, "2002", "en");
        long campaignId = campaigns.create(new NewCampaign("Offre fibre — automne", 3, 120, 20, "+33170000000"));
        // simulated customers, called at any hour by a trial: no legal preset (docs/calling-rules.md, "NONE")
        rules.usePreset(campaignId, "NONE", "demo campaign of the embedded sandbox: simulated customers");
        List<ContactInput> demo = new ArrayList<>();
        for (int i = 0; i < PEOPLE.length; i++) {
            demo.add(new ContactInput(PEOPLE[i][0], PEOPLE[i][1], String.format("06 12 34 %02d %02d", 10 + i, 40 + i),
                    Map.of("city", CITIES[i % CITIES.length], "customerId", "C-" + (1000 + i),
                            "offer", i % 2 == 0 ? "Fibre 1 Gb/s" : "Fibre 300 Mb/s")));
        }
        demo.add(new ContactInput("Numéro", "Invalide", "12ab", Map.of()));
        ImportReport report = contacts.importContacts(campaignId, demo);
        // the labels the agent's screen-pop shows for the custom columns (editable on /campaigns, "Custom fields")
        fieldLabels.define(campaignId, List.of(new FieldLabel("customerId", "N° client", "Customer number", 1),
                new FieldLabel("offer", "Offre", "Offer", 2), new FieldLabel("city", "Ville", "City", 3)));
        report.rejected().forEach(r -> log.info("Demo import rejected line {}: {}", r.line(), r.reason()));
        campaigns.start(campaignId);
        log.info("Demo data created: 4 users, campaign {} with {} contacts (running)", campaignId, report.imported());
    }
}
