package com.evscallpro.ui.layout;

import com.evscallpro.core.agent.AgentService;
import com.evscallpro.core.user.UserAccount.Role;
import com.evscallpro.ui.i18n.LanguageSwitch;
import com.evscallpro.ui.security.CurrentUser;
import com.evscallpro.ui.security.EvsUser;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import jakarta.annotation.security.PermitAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame of every workspace: brand, the signed-in user's name ({@code current-user}), FR/EN switch, logout
 * ({@code logout-button}) and a menu showing only the workspaces the role may open ({@code nav-agent},
 * {@code nav-supervision}, {@code nav-admin}). Logging out as an agent also ends the agent session.
 */
@PermitAll
public class MainLayout extends AppLayout {

    private static final Logger log = LoggerFactory.getLogger(MainLayout.class);

    private final CurrentUser currentUser;
    private final AgentService agentService;

    public MainLayout(CurrentUser currentUser, AgentService agentService) {
        this.currentUser = currentUser;
        this.agentService = agentService;
        setPrimarySection(Section.NAVBAR);
        EvsUser user = currentUser.require();
        addToNavbar(new DrawerToggle(), header(user));
        addToDrawer(menu(user.role()));
    }

    private HorizontalLayout header(EvsUser user) {
        Span brand = new Span("EVSCallPro");
        brand.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        Span name = new Span(user.displayName());
        name.setId("current-user");
        name.getElement().setAttribute("data-role", user.role().name());
        name.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Button logout = new Button(getTranslation("layout.logout"), VaadinIcon.SIGN_OUT.create(), e -> logout());
        logout.setId("logout-button");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout right = new HorizontalLayout(name, new LanguageSwitch(), logout);
        right.setAlignItems(FlexComponent.Alignment.CENTER);
        HorizontalLayout header = new HorizontalLayout(brand, right);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.getStyle().set("padding", "0 var(--lumo-space-m)");
        return header;
    }

    private SideNav menu(Role role) {
        SideNav nav = new SideNav();
        nav.setId("main-menu");
        if (role == Role.AGENT) {
            nav.addItem(item("nav-agent", "nav.agent", HomeRoutes.AGENT, VaadinIcon.HEADSET));
        }
        if (role == Role.SUPERVISOR || role == Role.ADMIN) {
            nav.addItem(item("nav-supervision", "nav.supervision", HomeRoutes.SUPERVISION, VaadinIcon.DASHBOARD));
            nav.addItem(item("nav-wallboards", "nav.wallboards", "wallboards", VaadinIcon.CHART_GRID));
            nav.addItem(item("nav-voicemails", "nav.voicemails", "voicemails", VaadinIcon.ENVELOPE_OPEN));
            nav.addItem(item("nav-recordings", "nav.recordings", "recordings", VaadinIcon.RECORDS));
            nav.addItem(item("nav-campaigns", "nav.campaigns", "campaigns", VaadinIcon.PHONE));
            nav.addItem(item("nav-callbacks", "nav.callbacks", "callbacks", VaadinIcon.CLOCK));
            nav.addItem(item("nav-calling-rules", "nav.callingRules", "calling-rules", VaadinIcon.SCALE));
            nav.addItem(item("nav-reports", "nav.reports", "reports", VaadinIcon.CHART));
        }
        if (role == Role.ADMIN) {
            nav.addItem(item("nav-admin", "nav.admin", HomeRoutes.ADMIN, VaadinIcon.COG));
            nav.addItem(item("nav-pbx", "nav.pbx", HomeRoutes.PBX, VaadinIcon.CONNECT));
            nav.addItem(item("nav-sites", "nav.sites", "admin/sites", VaadinIcon.BUILDING));
            nav.addItem(item("nav-users", "nav.users", "admin/users", VaadinIcon.USERS));
            nav.addItem(item("nav-groups", "nav.groups", "admin/groups", VaadinIcon.GROUP));
            nav.addItem(item("nav-skills", "nav.skills", "admin/skills", VaadinIcon.ACADEMY_CAP));
            nav.addItem(item("nav-queues", "nav.queues", "admin/queues", VaadinIcon.LINES_LIST));
            nav.addItem(item("nav-prompts", "nav.prompts", "admin/prompts", VaadinIcon.MICROPHONE));
            nav.addItem(item("nav-plannings", "nav.plannings", "admin/plannings", VaadinIcon.CALENDAR_CLOCK));
            nav.addItem(item("nav-qualifications", "nav.qualifications", "admin/qualifications", VaadinIcon.TAGS));
            nav.addItem(item("nav-pause-reasons", "nav.pauseReasons", "admin/pause-reasons", VaadinIcon.COFFEE));
            nav.addItem(item("nav-audit", "nav.audit", "admin/audit", VaadinIcon.RECORDS));
            nav.addItem(item("nav-supervisor-actions", "nav.supervisorActions", "admin/supervisor-actions",
                    VaadinIcon.HEADSET));
            nav.addItem(item("nav-privacy", "nav.privacy", "admin/privacy", VaadinIcon.SHIELD));
            nav.addItem(item("nav-webhooks", "nav.webhooks", "admin/webhooks", VaadinIcon.EXCHANGE));
            nav.addItem(item("nav-technical", "nav.technical", "admin/technical-failures", VaadinIcon.WARNING));
        }
        if (role != Role.ANALYST) {
            nav.addItem(item("nav-history", "nav.history", "history", VaadinIcon.LIST));
        }
        if (role == Role.ADMIN || role == Role.ANALYST) {
            nav.addItem(item("nav-flows", "nav.flows", HomeRoutes.FLOWS, VaadinIcon.SITEMAP));
            nav.addItem(item("nav-scripts", "nav.scripts", "scripts", VaadinIcon.FORM));
        }
        return nav;
    }

    private SideNavItem item(String id, String key, String path, VaadinIcon icon) {
        SideNavItem item = new SideNavItem(getTranslation(key), path, icon.create());
        item.setId(id);
        return item;
    }

    private void logout() {
        currentUser.get().filter(u -> u.role() == Role.AGENT).ifPresent(agent -> {
            try {
                agentService.logOut(agent.userId());
            } catch (RuntimeException e) {
                log.warn("Agent session of user {} not closed on logout: {}", agent.userId(), e.toString());
            }
        });
        currentUser.logout();
    }
}
