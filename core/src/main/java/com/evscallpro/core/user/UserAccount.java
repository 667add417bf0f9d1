package com.evscallpro.core.user;

/** A user as the security layer and the UI need it. */
public record UserAccount(long id, String username, String passwordHash, String displayName, Role role,
                          String extension, String locale, boolean enabled) {

    public enum Role { ADMIN, SUPERVISOR, AGENT, ANALYST }
}
