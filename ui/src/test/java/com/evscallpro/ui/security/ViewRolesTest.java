package com.evscallpro.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

/** Every route declares who may open it; the workspaces by role, only the login page anonymously. */
class ViewRolesTest {

    @Test
    void workspaces_are_restricted_to_their_roles() throws Exception {
        assertRoles("com.evscallpro.ui.agent.AgentView", "agent", "AGENT");
        assertRoles("com.evscallpro.ui.supervision.SupervisionView", "supervision", "SUPERVISOR", "ADMIN");
        assertRoles("com.evscallpro.ui.admin.AdminView", "admin", "ADMIN");
    }

    @Test
    void only_login_is_anonymous_and_the_root_needs_a_signed_in_user() throws Exception {
        Class<?> login = Class.forName("com.evscallpro.ui.login.LoginView");
        assertThat(login.getAnnotation(Route.class).value()).isEqualTo(SecurityConfig.LOGIN_ROUTE);
        assertThat(login.isAnnotationPresent(AnonymousAllowed.class)).isTrue();
        Class<?> root = Class.forName("com.evscallpro.ui.layout.RootView");
        assertThat(root.getAnnotation(Route.class).value()).isEmpty();
        assertThat(root.isAnnotationPresent(PermitAll.class)).isTrue();
        assertThat(root.isAnnotationPresent(AnonymousAllowed.class)).isFalse();
    }

    private static void assertRoles(String className, String route, String... roles) throws Exception {
        Class<?> view = Class.forName(className);
        assertThat(view.getAnnotation(Route.class).value()).isEqualTo(route);
        assertThat(view.getAnnotation(RolesAllowed.class).value()).containsExactlyInAnyOrder(roles);
        assertThat(view.isAnnotationPresent(AnonymousAllowed.class)).isFalse();
        assertThat(view.isAnnotationPresent(PermitAll.class)).isFalse();
    }
}
