package com.evscallpro.ui.pbxconfig;

import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.PbxConfigValidationException;
import com.evscallpro.core.pbxconfig.Trunk;
import com.evscallpro.core.pbxconfig.TrunkDefinition;
import com.evscallpro.core.pbxconfig.TrunkTransport;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.List;

/**
 * The trunk editor (dialog {@code trunk-form}). Knows no service: {@code onSave} stores the definition and may
 * refuse it with a {@link PbxConfigValidationException}, whose errors appear under the fields they name. On an edit
 * the password field stays empty: left empty, the stored password is kept.
 */
class TrunkForm extends Dialog {

    /** Stores the edit; throws PbxConfigValidationException to refuse it. */
    @FunctionalInterface
    interface SaveHandler {
        void save(TrunkDefinition definition);
    }

    final TextField name = new TextField();
    final TextField host = new TextField();
    final IntegerField port = new IntegerField();
    final Select<TrunkTransport> transport = new Select<>();
    final TextField username = new TextField();
    final PasswordField password = new PasswordField();
    final TextField fromUser = new TextField();
    final TextField fromDomain = new TextField();
    final TextField codecs = new TextField();
    final Checkbox register = new Checkbox();
    final TextField outboundProxy = new TextField();
    final IntegerField maxChannels = new IntegerField();
    final Checkbox enabled = new Checkbox();
    final Button save = new Button();
    private final FieldErrors errors = new FieldErrors();
    private final SaveHandler onSave;

    TrunkForm(Trunk trunk, SaveHandler onSave) {
        this.onSave = onSave;
        setId("trunk-form");
        setHeaderTitle(trunk == null ? getTranslation("admin.pbx.trunkTitle.new")
                : getTranslation("admin.pbx.trunkTitle.edit", trunk.name()));
        label(name, "trunk-name", "admin.pbx.field.name");
        label(host, "trunk-host", "admin.pbx.field.host");
        port.setId("trunk-port");
        port.setLabel(getTranslation("admin.pbx.field.port"));
        port.setMin(1);
        port.setMax(65535);
        transport.setId("trunk-transport");
        transport.setLabel(getTranslation("admin.pbx.field.transport"));
        transport.setItems(TrunkTransport.values());
        transport.setItemLabelGenerator(TrunkTransport::code);
        label(username, "trunk-username", "admin.pbx.field.username");
        password.setId("trunk-password");
        password.setLabel(getTranslation("admin.pbx.field.password"));
        label(fromUser, "trunk-from-user", "admin.pbx.field.fromUser");
        label(fromDomain, "trunk-from-domain", "admin.pbx.field.fromDomain");
        label(codecs, "trunk-codecs", "admin.pbx.field.codecs");
        codecs.setHelperText(getTranslation("admin.pbx.field.codecsHelp",
                String.join(", ", PbxConfigService.KNOWN_CODECS)));
        register.setId("trunk-register");
        register.setLabel(getTranslation("admin.pbx.field.register"));
        label(outboundProxy, "trunk-outbound-proxy", "admin.pbx.field.outboundProxy");
        maxChannels.setId("trunk-max-channels");
        maxChannels.setLabel(getTranslation("admin.pbx.field.maxChannels"));
        maxChannels.setMin(1);
        enabled.setId("trunk-enabled");
        enabled.setLabel(getTranslation("admin.pbx.field.enabled"));
        errors.bind("name", name).bind("host", host).bind("port", port).bind("username", username)
                .bind("password", password).bind("fromUser", fromUser).bind("fromDomain", fromDomain)
                .bind("codecs", codecs).bind("outboundProxy", outboundProxy).bind("maxChannels", maxChannels);
        fill(trunk);
        FormLayout form = new FormLayout(name, host, port, transport, username, password, fromUser, fromDomain,
                codecs, outboundProxy, maxChannels, register, enabled);
        add(form);
        save.setId("trunk-save");
        save.setText(getTranslation("admin.pbx.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        Button cancel = new Button(getTranslation("admin.pbx.cancel"), e -> close());
        cancel.setId("trunk-cancel");
        getFooter().add(cancel, save);
    }

    private void label(TextField field, String id, String key) {
        field.setId(id);
        field.setLabel(getTranslation(key));
    }

    private void fill(Trunk trunk) {
        TrunkDefinition d = trunk == null ? TrunkDefinition.of("", "") : trunk.toDefinition();
        name.setValue(text(d.name()));
        host.setValue(text(d.host()));
        port.setValue(d.port() == null ? TrunkTransport.UDP.defaultPort() : d.port());
        transport.setValue(d.transport());
        username.setValue(text(d.username()));
        if (trunk != null && trunk.passwordSet()) {
            password.setPlaceholder(getTranslation("admin.pbx.field.passwordKeep"));
        }
        fromUser.setValue(text(d.fromUser()));
        fromDomain.setValue(text(d.fromDomain()));
        codecs.setValue(String.join(",", d.codecs()));
        register.setValue(d.register());
        outboundProxy.setValue(text(d.outboundProxy()));
        maxChannels.setValue(d.maxChannels());
        enabled.setValue(d.enabled());
    }

    /** What the fields say; an empty password means "keep the stored one". */
    TrunkDefinition definition() {
        List<String> codecList = Arrays.stream(codecs.getValue().split("[,\\s]+")).filter(s -> !s.isBlank())
                .toList();
        return new TrunkDefinition(name.getValue(), host.getValue(), port.getValue(), transport.getValue(),
                username.getValue(), password.getValue().isEmpty() ? null : password.getValue(), fromUser.getValue(),
                fromDomain.getValue(), codecList, register.getValue(), outboundProxy.getValue(),
                maxChannels.getValue(), enabled.getValue());
    }

    void save() {
        errors.clear();
        try {
            onSave.save(definition());
            close();
        } catch (PbxConfigValidationException e) {
            List<String> others = errors.show(e, this::getTranslation);
            if (!others.isEmpty()) {
                Notifications.error(getTranslation("admin.pbx.error.save") + " " + String.join("; ", others));
            }
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("admin.pbx.error.save"), e);
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
