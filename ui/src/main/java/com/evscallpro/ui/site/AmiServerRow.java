package com.evscallpro.ui.site;

import com.evscallpro.core.site.AmiServerSettings;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

/**
 * One AMI server of the form ({@code ami-server-row}): id, host, port, user, secret (write-only: empty keeps the
 * stored one, whose presence the placeholder tells), dial template, agent context, its live state.
 */
class AmiServerRow extends FormLayout {

    final TextField serverId = new TextField();
    final TextField host = new TextField();
    final IntegerField port = new IntegerField();
    final TextField username = new TextField();
    final PasswordField secret = new PasswordField();
    final TextField dialTemplate = new TextField();
    final TextField agentContext = new TextField();
    private final boolean secretSet;

    AmiServerRow(AmiServerSettings server, Boolean connected, Runnable remove) {
        addClassName("ami-server-row");
        serverId.setLabel(getTranslation("site.ami.serverId"));
        serverId.addClassName("ami-server-id");
        host.setLabel(getTranslation("site.ami.host"));
        host.addClassName("ami-host");
        port.setLabel(getTranslation("site.ami.port"));
        port.addClassName("ami-port");
        port.setMin(1);
        port.setMax(65535);
        username.setLabel(getTranslation("site.ami.username"));
        username.addClassName("ami-username");
        secret.setLabel(getTranslation("site.ami.secret"));
        secret.addClassName("ami-secret");
        dialTemplate.setLabel(getTranslation("site.ami.dialTemplate"));
        dialTemplate.setPlaceholder("PJSIP/{number}@trunk");
        agentContext.setLabel(getTranslation("site.ami.agentContext"));
        secretSet = server != null && server.secretSet();
        if (server != null) {
            serverId.setValue(server.serverId() == null ? "" : server.serverId());
            host.setValue(server.host() == null ? "" : server.host());
            port.setValue(server.port());
            username.setValue(server.username() == null ? "" : server.username());
            dialTemplate.setValue(server.customerDialTemplate() == null ? "" : server.customerDialTemplate());
            agentContext.setValue(server.agentContext() == null ? "" : server.agentContext());
        } else {
            port.setValue(5038);
        }
        secret.setPlaceholder(secretSet ? getTranslation("site.secret.set") : "");
        secret.setHelperText(secretSet ? getTranslation("site.secret.keep") : null);
        Span state = new Span(connected == null ? "" : getTranslation(connected ? "site.state.up" : "site.state.down"));
        state.addClassName("ami-state");
        state.getElement().getThemeList().add(connected == null ? "badge contrast"
                : connected ? "badge success" : "badge error");
        Button removeButton = new Button(getTranslation("site.ami.remove"), e -> remove.run());
        removeButton.addClassName("remove-ami-server");
        removeButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        add(serverId, host, port, username, secret, dialTemplate, agentContext, state, removeButton);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30em", 2), new ResponsiveStep("60em", 4));
    }

    /** What the row holds; a blank secret keeps the stored one. */
    AmiServerSettings value() {
        return new AmiServerSettings(serverId.getValue(), host.getValue(), port.getValue(), username.getValue(),
                secret.getValue().isEmpty() ? null : secret.getValue(), secretSet, blank(dialTemplate.getValue()),
                blank(agentContext.getValue()), null, null);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
