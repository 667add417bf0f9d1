package com.evscallpro.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;

/**
 * Application shell: server push (WebSocket with long-polling fallback) for the live agent and supervision views,
 * the default page title and the favicon. No custom theme or frontend: the pre-compiled dev bundle with Lumo is used.
 */
@Push
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("EVSCallPro");
        settings.addFavIcon("icon", "icons/favicon.svg", "any"); // /favicon.ico too, for clients that ask for it
    }
}
