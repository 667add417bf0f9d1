package com.evscallpro.bench.web;

import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.sandbox.EvsCallProSandbox;
import com.evscallpro.sandbox.SandboxInfrastructure;
import com.evscallpro.simulator.CustomerScript;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/** The application on a throw-away embedded stack (no demo data), started for one scenario and closed after it. */
final class AppUnderTest implements AutoCloseable {

    final SandboxInfrastructure infrastructure;
    final ConfigurableApplicationContext context;
    final String base;

    private AppUnderTest(SandboxInfrastructure infrastructure, ConfigurableApplicationContext context) {
        this.infrastructure = infrastructure;
        this.context = context;
        this.base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port") + "/";
    }

    static AppUnderTest start() {
        SandboxInfrastructure infrastructure = SandboxInfrastructure.start(null, CustomerScript.random(1));
        try {
            return new AppUnderTest(infrastructure, EvsCallProSandbox.run(infrastructure, Map.of(
                    "server.port", "0",
                    "evs.sandbox.demo-data", "false",
                    "logging.level.root", "WARN")));
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A user with the password {@code <username>-pw}. */
    UserAccount user(String username, UserAccount.Role role, String extension) {
        UserAccountService users = bean(UserAccountService.class);
        return users.findByUsername(username).orElseGet(() -> users.create(username, username + "-pw", username, role,
                extension, "en"));
    }

    @Override
    public void close() {
        context.close();
        infrastructure.close();
    }
}
