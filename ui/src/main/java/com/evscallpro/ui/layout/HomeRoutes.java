package com.evscallpro.ui.layout;

import com.evscallpro.core.user.UserAccount;

/** Where each role lands after login, and the routes of the workspaces. */
public final class HomeRoutes {

    public static final String AGENT = "agent";
    public static final String SUPERVISION = "supervision";
    public static final String ADMIN = "admin";
    public static final String PBX = "admin/pbx";
    public static final String FLOWS = "flows";

    private HomeRoutes() {
    }

    public static String home(UserAccount.Role role) {
        return switch (role) {
            case AGENT -> AGENT;
            case SUPERVISOR -> SUPERVISION;
            case ADMIN -> ADMIN;
            case ANALYST -> FLOWS;
        };
    }
}
