package com.evscallpro.core.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.audit.AuditEntry;
import com.evscallpro.core.audit.AuditFilter;
import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.site.SiteDirectory;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Agent groups and skills on the real database: memberships both ways, levels, validation, versions, audit. */
@SpringBootTest(classes = com.evscallpro.core.testsupport.DataServicesTestApplication.class)
class AgentGroupServiceTest {

    @Autowired AgentGroups groups;
    @Autowired AgentGroupAdmin admin;
    @Autowired UserAccountService users;
    @Autowired SiteDirectory sites;
    @Autowired AuditTrail audit;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long agent() {
        return users.create(unique("agent"), "pw", null, UserAccount.Role.AGENT, null, "fr").id();
    }

    private List<AuditEntry> auditOf(String entity, Object id) {
        return audit.search(new AuditFilter(null, entity, null, null), 0, 500).stream()
                .filter(e -> String.valueOf(id).equals(e.entityId())).toList();
    }

    @Test
    void an_agent_belongs_to_several_groups_read_from_both_sides() {
        long site = sites.sites().getFirst().id();
        AgentGroup sales = admin.saveGroup(AgentGroup.draft(unique("Sales"), "Outbound sales", site));
        AgentGroup support = admin.saveGroup(AgentGroup.draft(unique("Support"), null, null));
        long alice = agent();
        long bob = agent();

        admin.setGroupsOf(alice, List.of(sales.id(), support.id()));
        admin.setMembers(sales.id(), List.of(alice, bob));

        assertThat(groups.groupsOf(alice)).extracting(AgentGroup::id).containsExactlyInAnyOrder(sales.id(), support.id());
        assertThat(groups.members(sales.id())).containsExactlyInAnyOrder(alice, bob);
        assertThat(groups.members(support.id())).containsExactly(alice);
        assertThat(groups.group(sales.id()).orElseThrow().memberCount()).isEqualTo(2);
        assertThat(groups.group(sales.id()).orElseThrow().siteId()).isEqualTo(site);
        assertThat(auditOf("agent-group-members", sales.id())).hasSize(1);
        assertThat(auditOf("user-groups", alice).getFirst().after()).contains(String.valueOf(support.id()));

        admin.deleteGroup(support.id());
        assertThat(groups.groupsOf(alice)).extracting(AgentGroup::id).containsExactly(sales.id());
        assertThat(auditOf("agent-group", support.id())).extracting(AuditEntry::action).contains("create", "delete");
    }

    @Test
    void group_validation_refuses_and_writes_nothing() {
        String name = unique("Dup");
        AgentGroup g = admin.saveGroup(AgentGroup.draft(name, null, null));
        int before = groups.groups().size();

        assertCode(() -> admin.saveGroup(AgentGroup.draft(name.toUpperCase(), null, null)), "group.name-taken");
        assertCode(() -> admin.saveGroup(AgentGroup.draft("  ", null, null)), "group.name-required");
        assertCode(() -> admin.saveGroup(AgentGroup.draft("x".repeat(101), null, null)), "group.name-too-long");
        assertCode(() -> admin.saveGroup(AgentGroup.draft(unique("g"), "d".repeat(501), null)),
                "group.description-too-long");
        assertCode(() -> admin.saveGroup(AgentGroup.draft(unique("g"), null, 987_654L)), "group.unknown-site");
        assertCode(() -> admin.setMembers(g.id(), List.of(agent(), 987_654_321L)), "group.unknown-user");
        assertCode(() -> admin.setMembers(987_654_321L, List.of()), "group.not-found");
        assertCode(() -> admin.deleteGroup(987_654_321L), "group.not-found");

        assertThat(groups.groups()).hasSize(before);
        assertThat(groups.members(g.id())).as("the valid member of a refused list is not added").isEmpty();
    }

    @Test
    void a_stale_version_is_refused_and_the_current_one_wins() {
        AgentGroup g = admin.saveGroup(AgentGroup.draft(unique("Team"), "v0", null));
        AgentGroup first = admin.saveGroup(new AgentGroup(g.id(), g.name(), "v1", null, g.version(), 0));
        assertThat(first.version()).isEqualTo(g.version() + 1);

        assertCode(() -> admin.saveGroup(new AgentGroup(g.id(), g.name(), "v2", null, g.version(), 0)),
                "group.version-mismatch");
        assertThat(groups.group(g.id()).orElseThrow().description()).isEqualTo("v1");
        List<AuditEntry> updates = auditOf("agent-group", g.id()).stream()
                .filter(e -> e.action().equals("update")).toList();
        assertThat(updates).hasSize(1);
        assertThat(updates.getFirst().before()).contains("v0");
        assertThat(updates.getFirst().after()).contains("v1");
    }

    @Test
    void skills_with_levels_and_the_holders_of_a_skill() {
        Skill spanish = admin.saveSkill(Skill.draft(unique("es"), "Espagnol", "Spanish"));
        Skill billing = admin.saveSkill(Skill.draft(unique("billing"), "Facturation", "Billing"));
        long alice = agent();
        long bob = agent();

        admin.setSkillsOf(alice, Map.of(spanish.id(), 5, billing.id(), 2));
        admin.setSkillsOf(bob, Map.of(spanish.id(), 3));

        assertThat(groups.skillsOf(alice)).containsEntry(spanish.id(), 5).containsEntry(billing.id(), 2);
        assertThat(groups.holders(spanish.id(), 4)).containsOnlyKeys(alice);
        assertThat(groups.holders(spanish.id(), 1).keySet()).containsExactly(alice, bob);
        assertThat(groups.skill(spanish.id()).orElseThrow().label(java.util.Locale.ENGLISH)).isEqualTo("Spanish");

        assertCode(() -> admin.setSkillsOf(bob, Map.of(billing.id(), 6)), "skill.level-invalid");
        assertCode(() -> admin.setSkillsOf(bob, Map.of(billing.id(), 0)), "skill.level-invalid");
        assertCode(() -> admin.setSkillsOf(bob, Map.of(987_654_321L, 3)), "skill.not-found");
        assertCode(() -> admin.setSkillsOf(987_654_321L, Map.of()), "user.not-found");
        assertThat(groups.skillsOf(bob)).containsExactly(Map.entry(spanish.id(), 3));

        admin.deleteSkill(spanish.id());
        assertThat(groups.skillsOf(alice)).containsOnlyKeys(billing.id());
        assertThat(auditOf("skill", spanish.id()).stream().filter(e -> e.action().equals("delete")).findFirst()
                .orElseThrow().before()).contains(String.valueOf(bob));
    }

    @Test
    void skill_validation() {
        String code = unique("fr");
        admin.saveSkill(Skill.draft(code, "Français", "French"));
        assertCode(() -> admin.saveSkill(Skill.draft(code, "a", "b")), "skill.code-taken");
        assertCode(() -> admin.saveSkill(Skill.draft("Not A Code", "a", "b")), "skill.code-invalid");
        assertCode(() -> admin.saveSkill(Skill.draft("x".repeat(41), "a", "b")), "skill.code-invalid");
        assertCode(() -> admin.saveSkill(Skill.draft("'; drop table skill; --", "a", "b")), "skill.code-invalid");
        assertCode(() -> admin.saveSkill(Skill.draft(unique("ok"), "", "b")), "skill.label-required");
        assertCode(() -> admin.saveSkill(Skill.draft(unique("ok"), "a", "b".repeat(201))), "skill.label-too-long");
        assertCode(() -> admin.deleteSkill(987_654_321L), "skill.not-found");
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOf(EvsException.class)
                .satisfies(e -> assertThat(((EvsException) e).code()).isEqualTo(code));
    }
}
