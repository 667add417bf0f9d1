package com.evscallpro.ui.user;

import com.evscallpro.core.group.AgentGroup;
import com.evscallpro.core.site.SiteRef;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAdmin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.Set;

/** What the user form edits, with the constraints the form checks before the service does. */
public class UserBean {

    @NotBlank
    @Size(max = UserAdmin.MAX_USERNAME)
    @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._@-]*")
    private String username = "";
    @Size(max = UserAdmin.MAX_DISPLAY_NAME)
    private String displayName = "";
    @NotNull
    private UserAccount.Role role = UserAccount.Role.AGENT;
    private SiteRef site;
    @Size(max = UserAdmin.MAX_EXTENSION)
    @Pattern(regexp = "[0-9A-Za-z*#+_-]*")
    private String extension = "";
    @NotNull
    private String locale = "fr";
    private boolean enabled = true;
    private Set<AgentGroup> groups = new LinkedHashSet<>();

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public UserAccount.Role getRole() {
        return role;
    }

    public void setRole(UserAccount.Role role) {
        this.role = role;
    }

    public SiteRef getSite() {
        return site;
    }

    public void setSite(SiteRef site) {
        this.site = site;
    }

    public String getExtension() {
        return extension;
    }

    public void setExtension(String extension) {
        this.extension = extension;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Set<AgentGroup> getGroups() {
        return groups;
    }

    public void setGroups(Set<AgentGroup> groups) {
        this.groups = groups;
    }
}
