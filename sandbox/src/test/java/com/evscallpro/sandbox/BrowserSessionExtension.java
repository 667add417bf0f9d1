package com.evscallpro.sandbox;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link BrowserSession} (Chromium) for a browser test class, launched before its tests and closed after them:
 * {@code @RegisterExtension static final BrowserSessionExtension browser = new BrowserSessionExtension();} then
 * {@code browser.session()}. {@link #checkingCsp()} also fails each test after which a page broke the content
 * security policy.
 */
final class BrowserSessionExtension implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private final boolean checkCsp;
    private BrowserSession session;

    BrowserSessionExtension() {
        this(false);
    }

    private BrowserSessionExtension(boolean checkCsp) {
        this.checkCsp = checkCsp;
    }

    /** The session, and after each test: no view broke the content security policy. */
    static BrowserSessionExtension checkingCsp() {
        return new BrowserSessionExtension(true);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (checkCsp && session != null) {
            org.assertj.core.api.Assertions.assertThat(session.cspViolations).as("CSP violations").isEmpty();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        session = new BrowserSession(SandboxTestContext.get());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    BrowserSession session() {
        if (session == null) {
            throw new IllegalStateException("no browser: register the extension as a static field");
        }
        return session;
    }
}
