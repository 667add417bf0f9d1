package com.evscallpro.ui;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.evscallpro.ui.i18n.EvsI18NProvider;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * A Vaadin UI without a servlet or browser: a mocked service whose instantiator gives the real I18N provider, and a
 * mocked session that is always locked by the test thread and runs {@code access} commands at once.
 */
public final class FakeVaadin implements AutoCloseable {

    private final UI ui = new UI();

    public FakeVaadin(Locale locale) {
        VaadinService service = mock(VaadinService.class);
        Instantiator instantiator = mock(Instantiator.class);
        when(instantiator.getI18NProvider()).thenReturn(new EvsI18NProvider());
        when(service.getInstantiator()).thenReturn(instantiator);
        DeploymentConfiguration configuration = mock(DeploymentConfiguration.class);
        when(configuration.isProductionMode()).thenReturn(false);
        when(service.getDeploymentConfiguration()).thenReturn(configuration);
        VaadinSession session = mock(VaadinSession.class);
        when(session.hasLock()).thenReturn(true);
        when(session.getService()).thenReturn(service);
        when(session.getConfiguration()).thenReturn(configuration);
        when(session.getLocale()).thenReturn(locale);
        when(session.access(any())).thenAnswer(inv -> {
            inv.getArgument(0, Command.class).execute();
            return CompletableFuture.completedFuture(null);
        });
        VaadinService.setCurrent(service);
        VaadinSession.setCurrent(session);
        ui.getInternals().setSession(session);
        ui.setLocale(locale);
        UI.setCurrent(ui);
    }

    public UI ui() {
        return ui;
    }

    /** The element with this id under {@code root} (itself included), null when none. */
    public static com.vaadin.flow.dom.Element find(com.vaadin.flow.dom.Element root, String id) {
        if (id.equals(root.getAttribute("id"))) {
            return root;
        }
        return root.getChildren().map(c -> find(c, id)).filter(e -> e != null).findFirst().orElse(null);
    }

    @Override
    public void close() {
        UI.setCurrent(null);
        VaadinSession.setCurrent(null);
        VaadinService.setCurrent(null);
    }
}
