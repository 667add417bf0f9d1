package com.evscallpro.core.group;

import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.site.SiteDirectory;
import com.evscallpro.db.group.AgentGroupRow;
import com.evscallpro.db.group.AgentGroupTables;
import com.evscallpro.db.group.SkillRow;
import com.evscallpro.db.user.AppUserRepository;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class AgentGroupServiceImpl implements AgentGroups, AgentGroupAdmin {

    private static final Logger log = LoggerFactory.getLogger(AgentGroupServiceImpl.class);
    private static final Pattern SKILL_CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    private final AgentGroupTables tables;
    private final AppUserRepository users;
    private final SiteDirectory sites;
    private final AuditTrail audit;

    AgentGroupServiceImpl(AgentGroupTables tables, AppUserRepository users, SiteDirectory sites, AuditTrail audit) {
        this.tables = tables;
        this.users = users;
        this.sites = sites;
        this.audit = audit;
    }

    // ---- read side

    @Override
    public List<AgentGroup> groups() {
        Map<Long, Integer> counts = tables.memberCounts();
        return tables.groups().stream().map(g -> toGroup(g, counts.getOrDefault(g.id(), 0))).toList();
    }

    @Override
    public Optional<AgentGroup> group(long id) {
        return tables.group(id).map(g -> toGroup(g, tables.members(id).size()));
    }

    @Override
    public List<Long> members(long groupId) {
        return tables.members(groupId);
    }

    @Override
    public List<AgentGroup> groupsOf(long userId) {
        List<Long> ids = tables.groupsOf(userId);
        return groups().stream().filter(g -> ids.contains(g.id())).toList();
    }

    @Override
    public Map<Long, java.util.Set<Long>> groupIdsOf(Collection<Long> userIds) {
        return tables.groupsOfUsers(userIds);
    }

    @Override
    public List<Skill> skills() {
        return tables.skills().stream().map(AgentGroupServiceImpl::toSkill).toList();
    }

    @Override
    public Optional<Skill> skill(long id) {
        return tables.skill(id).map(AgentGroupServiceImpl::toSkill);
    }

    @Override
    public Map<Long, Integer> skillsOf(long userId) {
        return tables.skillsOf(userId);
    }

    @Override
    public Map<Long, Integer> holders(long skillId, int minLevel) {
        return tables.holders(skillId, minLevel);
    }

    // ---- groups

    @Override
    @Transactional
    public AgentGroup saveGroup(AgentGroup g) {
        if (g == null) {
            throw new EvsException("group.name-required");
        }
        String name = required(g.name(), "group.name-required", MAX_NAME, "group.name-too-long");
        String description = optional(g.description(), MAX_DESCRIPTION, "group.description-too-long");
        if (g.siteId() != null && sites.find(g.siteId()).isEmpty()) {
            throw new EvsException("group.unknown-site", g.siteId());
        }
        tables.groupByName(name).filter(other -> !Long.valueOf(other.id()).equals(g.id())).ifPresent(other -> {
            throw new EvsException("group.name-taken", name);
        });
        try {
            if (g.id() == null) {
                long id = tables.insertGroup(name, description, g.siteId());
                AgentGroup saved = group(id).orElseThrow();
                log.info("Agent group {} '{}' created", id, name);
                audit.record("create", "agent-group", id, name, null, saved);
                return saved;
            }
            AgentGroup before = group(g.id()).orElseThrow(() -> new EvsException("group.not-found", g.id()));
            if (!tables.updateGroup(g.id(), g.version(), name, description, g.siteId())) {
                throw new EvsException("group.version-mismatch", g.id());
            }
            AgentGroup saved = group(g.id()).orElseThrow();
            log.info("Agent group {} '{}' updated", g.id(), name);
            audit.record("update", "agent-group", g.id(), name, before, saved);
            return saved;
        } catch (DuplicateKeyException e) {
            throw new EvsException(e, "group.name-taken", name);
        }
    }

    @Override
    @Transactional
    public AgentGroup saveGroup(AgentGroup group, Collection<Long> memberIds) {
        AgentGroup saved = saveGroup(group);
        setMembers(saved.id(), memberIds);
        return group(saved.id()).orElseThrow();
    }

    @Override
    @Transactional
    public void deleteGroup(long groupId) {
        AgentGroup before = group(groupId).orElseThrow(() -> new EvsException("group.not-found", groupId));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("group", before);
        state.put("members", tables.members(groupId));
        tables.deleteGroup(groupId);
        log.info("Agent group {} '{}' deleted", groupId, before.name());
        audit.record("delete", "agent-group", groupId, before.name(), state, null);
    }

    @Override
    @Transactional
    public void setMembers(long groupId, Collection<Long> userIds) {
        AgentGroup group = group(groupId).orElseThrow(() -> new EvsException("group.not-found", groupId));
        TreeSet<Long> wanted = new TreeSet<>(userIds == null ? List.of() : userIds);
        for (Long u : wanted) {
            if (u == null || !users.existsById(u)) {
                throw new EvsException("group.unknown-user", u);
            }
        }
        List<Long> before = tables.members(groupId);
        if (before.equals(List.copyOf(wanted))) {
            return;
        }
        tables.replaceMembers(groupId, wanted);
        log.info("Agent group {} '{}' now has {} member(s)", groupId, group.name(), wanted.size());
        audit.record("update", "agent-group-members", groupId, group.name(), Map.of("members", before),
                Map.of("members", List.copyOf(wanted)));
    }

    @Override
    @Transactional
    public void setGroupsOf(long userId, Collection<Long> groupIds) {
        String username = users.findById(userId).orElseThrow(() -> new EvsException("user.not-found", userId))
                .username();
        TreeSet<Long> wanted = new TreeSet<>(groupIds == null ? List.of() : groupIds);
        for (Long g : wanted) {
            if (g == null || tables.group(g).isEmpty()) {
                throw new EvsException("group.not-found", g);
            }
        }
        List<Long> before = tables.groupsOf(userId);
        if (before.equals(List.copyOf(wanted))) {
            return;
        }
        tables.replaceGroupsOf(userId, wanted);
        audit.record("update", "user-groups", userId, username, Map.of("groups", before),
                Map.of("groups", List.copyOf(wanted)));
    }

    // ---- skills

    @Override
    @Transactional
    public Skill saveSkill(Skill s) {
        if (s == null || s.code() == null || s.code().isBlank()) {
            throw new EvsException("skill.code-required");
        }
        String code = s.code().strip();
        if (!SKILL_CODE.matcher(code).matches()) {
            throw new EvsException("skill.code-invalid", code);
        }
        String fr = required(s.labelFr(), "skill.label-required", MAX_LABEL, "skill.label-too-long");
        String en = required(s.labelEn(), "skill.label-required", MAX_LABEL, "skill.label-too-long");
        tables.skillByCode(code).filter(other -> !Long.valueOf(other.id()).equals(s.id())).ifPresent(other -> {
            throw new EvsException("skill.code-taken", code);
        });
        try {
            if (s.id() == null) {
                long id = tables.insertSkill(code, fr, en);
                Skill saved = skill(id).orElseThrow();
                log.info("Skill {} '{}' created", id, code);
                audit.record("create", "skill", id, code, null, saved);
                return saved;
            }
            Skill before = skill(s.id()).orElseThrow(() -> new EvsException("skill.not-found", s.id()));
            if (!tables.updateSkill(s.id(), s.version(), code, fr, en)) {
                throw new EvsException("skill.version-mismatch", s.id());
            }
            Skill saved = skill(s.id()).orElseThrow();
            log.info("Skill {} '{}' updated", s.id(), code);
            audit.record("update", "skill", s.id(), code, before, saved);
            return saved;
        } catch (DuplicateKeyException e) {
            throw new EvsException(e, "skill.code-taken", code);
        }
    }

    @Override
    @Transactional
    public void deleteSkill(long skillId) {
        Skill before = skill(skillId).orElseThrow(() -> new EvsException("skill.not-found", skillId));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("skill", before);
        state.put("holders", tables.holders(skillId, Skill.MIN_LEVEL));
        tables.deleteSkill(skillId);
        log.info("Skill {} '{}' deleted", skillId, before.code());
        audit.record("delete", "skill", skillId, before.code(), state, null);
    }

    @Override
    @Transactional
    public void setSkillsOf(long userId, Map<Long, Integer> levels) {
        String username = users.findById(userId).orElseThrow(() -> new EvsException("user.not-found", userId))
                .username();
        Map<Long, Integer> wanted = new java.util.TreeMap<>();
        if (levels != null) {
            for (Map.Entry<Long, Integer> e : levels.entrySet()) {
                if (e.getKey() == null || tables.skill(e.getKey()).isEmpty()) {
                    throw new EvsException("skill.not-found", e.getKey());
                }
                Integer level = e.getValue();
                if (level == null || level < Skill.MIN_LEVEL || level > Skill.MAX_LEVEL) {
                    throw new EvsException("skill.level-invalid", level, Skill.MIN_LEVEL, Skill.MAX_LEVEL);
                }
                wanted.put(e.getKey(), level);
            }
        }
        Map<Long, Integer> before = tables.skillsOf(userId);
        if (before.equals(wanted)) {
            return;
        }
        tables.replaceSkillsOf(userId, wanted);
        audit.record("update", "user-skills", userId, username, Map.of("skills", before), Map.of("skills", wanted));
    }

    // ---- helpers

    private static String required(String value, String blankCode, int max, String tooLongCode) {
        if (value == null || value.isBlank()) {
            throw new EvsException(blankCode);
        }
        return optional(value, max, tooLongCode);
    }

    private static String optional(String value, int max, String tooLongCode) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new EvsException(tooLongCode, max);
        }
        return v;
    }

    private static AgentGroup toGroup(AgentGroupRow g, int members) {
        return new AgentGroup(g.id(), g.name(), g.description(), g.siteId(), g.version(), members);
    }

    private static Skill toSkill(SkillRow s) {
        return new Skill(s.id(), s.code(), s.labelFr(), s.labelEn(), s.version());
    }
}
