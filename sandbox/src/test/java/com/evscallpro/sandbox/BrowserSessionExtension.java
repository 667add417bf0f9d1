package com.evscallpro.sandbox;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link BrowserSession} (Chromium) for a browser test class, launched before its tests and closed after them:
 * {@code @RegisterExtension static final BrowserSessionExtension browser = new BrowserSessionExtension();} then
 * {@code browser.session()}.
 */
final class BrowserSessionExtension implements BeforeAllCallback, AfterAllCallback {

    private BrowserSession session;

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
