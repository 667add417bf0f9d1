package com.evscallpro.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.testsupport.DataServicesTestApplication;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The names an IVR flow gives to plannings, queues, trunks and campaigns: which ones are read from a flow (literal
 * names only, IVR blocks only), and which ones a real database (Flyway's schema on embedded PostgreSQL) does not hold.
 */
@SpringBootTest(classes = DataServicesTestApplication.class)
class FlowReferencesTest {

    @Autowired JdbcTemplate jdbc;

    private static final String HEAD = """
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
            <bpmn:process id="p" isExecutable="true">""";

    private static String task(String id, String type, String... inputs) {
        StringBuilder io = new StringBuilder();
        for (int i = 0; i < inputs.length; i += 2) {
            io.append("<zeebe:input source=\"").append(inputs[i + 1].replace("\"", "&quot;"))
                    .append("\" target=\"").append(inputs[i]).append("\" />");
        }
        return "<bpmn:serviceTask id=\"" + id + "\"><bpmn:extensionElements><zeebe:taskDefinition type=\""
                + type.replace("\"", "&quot;") + "\" /><zeebe:ioMapping>" + io
                + "</zeebe:ioMapping></bpmn:extensionElements></bpmn:serviceTask>";
    }

    private static String ivr(String block) {
        return "=\"ivr." + block + ".\" + evsNode";
    }

    private static String flow(String... tasks) {
        return HEAD + String.join("", tasks) + "</bpmn:process></bpmn:definitions>";
    }

    @Test
    void literal_names_of_the_four_blocks_are_read_expressions_blanks_and_other_tasks_are_not() {
        String xml = flow(
                task("Hours", ivr("hours"), "planning", " Office hours "),
                task("Queue", ivr("queue"), "queue", "Sales", "priority", "2"),
                task("Transfer", ivr("transfer"), "number", "+33100000000", "trunk", "operator"),
                task("Callback", ivr("callback"), "campaign", "Recall"),
                task("Mail", ivr("voicemail"), "mailbox", "Sales desk"),
                task("Computed", ivr("queue"), "queue", "=if vip then \"VIP\" else \"Sales\""),
                task("Blank", ivr("hours"), "planning", ""),
                task("NotABlock", "contact.close", "queue", "Sales"),
                task("WrongInput", ivr("play"), "prompt", "hello", "queue", "Sales"));
        assertThat(FlowReferences.references(xml)).containsExactly(
                new FlowReferences.Reference("Callback", FlowReferences.Kind.CAMPAIGN, "Recall"),
                new FlowReferences.Reference("Hours", FlowReferences.Kind.PLANNING, "Office hours"),
                new FlowReferences.Reference("Queue", FlowReferences.Kind.QUEUE, "Sales"),
                new FlowReferences.Reference("Transfer", FlowReferences.Kind.TRUNK, "operator"));
    }

    @Test
    void each_name_the_database_lacks_is_an_error_pointing_at_its_element_and_existing_ones_pass() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO planning (name) VALUES (?)", "Hours " + s);
        long group = jdbc.queryForObject("INSERT INTO agent_group (name) VALUES (?) RETURNING id", Long.class,
                "Queue " + s);
        jdbc.update("INSERT INTO call_queue (group_id) VALUES (?)", group);
        jdbc.update("INSERT INTO agent_group (name) VALUES (?)", "Group without queue " + s);
        long site = jdbc.queryForObject("SELECT id FROM site WHERE code = 'main'", Long.class);
        jdbc.update("INSERT INTO sip_trunk (name, host, site_id) VALUES (?, 'sip.example.net', ?)", "trunk-" + s, site);
        long qualifications = jdbc.queryForObject("SELECT min(id) FROM qualification_group", Long.class);
        jdbc.update("INSERT INTO campaign (name, qualification_group_id) VALUES (?, ?)", "Campaign " + s,
                qualifications);
        FlowReferences references = new FlowReferences(jdbc);

        String known = flow(
                task("Hours", ivr("hours"), "planning", "HOURS " + s), // plannings, queues, campaigns: any case
                task("Queue", ivr("queue"), "queue", "queue " + s),
                task("Transfer", ivr("transfer"), "number", "+33100000000", "trunk", "trunk-" + s),
                task("Callback", ivr("callback"), "campaign", "campaign " + s));
        assertThat(references.unknown(known)).isEmpty();

        String unknown = flow(
                task("Hours", ivr("hours"), "planning", "Nights " + s),
                task("Queue", ivr("queue"), "queue", "Group without queue " + s),
                task("Transfer", ivr("transfer"), "number", "+33100000000", "trunk", "TRUNK-" + s),
                task("Callback", ivr("callback"), "campaign", "Gone " + s));
        List<FlowProblem> problems = references.unknown(unknown);
        assertThat(problems).allMatch(FlowProblem::isError);
        assertThat(problems).extracting(p -> p.elementId() + ":" + p.code() + p.args()).containsExactly(
                "Callback:unknown-reference[campaign, Gone " + s + "]",
                "Hours:unknown-reference[planning, Nights " + s + "]",
                "Queue:unknown-reference[queue, Group without queue " + s + "]",
                "Transfer:unknown-reference[trunk, TRUNK-" + s + "]");
        assertThat(problems.get(1).message()).contains("planning").contains("Nights " + s);
    }
}
