package com.evscallpro.ui.user;

import com.evscallpro.core.group.AgentGroupAdmin;
import com.evscallpro.core.site.SiteRef;
import com.evscallpro.core.user.ManagedUser;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.Set;

/** What the agent group form edits. */
public class GroupBean {

    @NotBlank
    @Size(max = AgentGroupAdmin.MAX_NAME)
    private String name = "";
    @Size(max = AgentGroupAdmin.MAX_DESCRIPTION)
    private String description = "";
    private SiteRef site;
    private Set<ManagedUser> members = new LinkedHashSet<>();

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public SiteRef getSite() {
        return site;
    }

    public void setSite(SiteRef site) {
        this.site = site;
    }

    public Set<ManagedUser> getMembers() {
        return members;
    }

    public void setMembers(Set<ManagedUser> members) {
        this.members = members;
    }
}
