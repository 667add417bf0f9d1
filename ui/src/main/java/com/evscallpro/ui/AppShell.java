package com.evscallpro.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;

/**
 * Application shell: server push (WebSocket with long-polling fallback) for the live agent and supervision views,
 * the default page title and the favicon. No custom theme; the only custom frontend is the flow editor's
 * ({@code ui.flow}: bpmn-js), built into the application's committed production bundle ({@code app/src/main/bundles}).
 */
@Push
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("EVSCallPro");
        settings.addFavIcon("icon", "icons/favicon.svg", "any"); // /favicon.ico too, for clients that ask for it
    }
}
