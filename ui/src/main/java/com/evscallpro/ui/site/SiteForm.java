package com.evscallpro.ui.site;

import com.evscallpro.core.site.AmiServerSettings;
import com.evscallpro.core.site.PbxMode;
import com.evscallpro.core.site.SiteDefinition;
import com.evscallpro.core.site.SiteDetails;
import com.evscallpro.core.site.YeastarConnection;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A site's form, knowing no service: {@code site-code}, {@code site-name}, {@code site-zone}, {@code site-mode},
 * {@code site-enabled}; for Asterisk the list of AMI servers ({@code ami-server-row}, {@code add-ami-server}), for
 * Yeastar {@code yeastar-url}, {@code yeastar-client}, {@code yeastar-secret}, {@code yeastar-dial-mode}. The header is
 * bound with a {@link BeanValidationBinder}; {@code save-site} hands the definition to {@code onSave} (which reports
 * the service's refusal, the form keeping what was typed).
 */
class SiteForm extends VerticalLayout {

    private final BeanValidationBinder<SiteBean> binder = new BeanValidationBinder<>(SiteBean.class);
    private final SiteBean bean = new SiteBean();
    private final VerticalLayout amiSection = new VerticalLayout();
    private final VerticalLayout amiRowsLayout = new VerticalLayout();
    private final List<AmiServerRow> amiRows = new ArrayList<>();
    private final FormLayout yeastarSection = new FormLayout();
    private final Map<String, Boolean> states;
    private final Button save = new Button();

    SiteForm(SiteDetails site, Map<String, Boolean> states, Consumer<SiteDefinition> onSave) {
        this.states = states;
        setPadding(false);
        TextField code = new TextField(getTranslation("site.code"));
        code.setId("site-code");
        code.setHelperText(getTranslation("site.code.help"));
        TextField name = new TextField(getTranslation("site.name"));
        name.setId("site-name");
        ComboBox<String> zone = new ComboBox<>(getTranslation("site.zone"));
        zone.setId("site-zone");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        ComboBox<PbxMode> mode = new ComboBox<>(getTranslation("site.mode"));
        mode.setId("site-mode");
        mode.setItems(PbxMode.values());
        mode.setItemLabelGenerator(m -> getTranslation("site.mode." + m.name()));
        Checkbox enabled = new Checkbox(getTranslation("site.enabled"));
        enabled.setId("site-enabled");
        binder.forField(code).bind("code");
        binder.forField(name).bind("name");
        binder.forField(zone).bind("timeZone");
        binder.forField(mode).bind("pbxMode");
        binder.forField(enabled).bind("enabled");
        TextField url = new TextField(getTranslation("site.yeastar.url"));
        url.setId("yeastar-url");
        url.setPlaceholder("https://pbx.example.com:8088");
        TextField client = new TextField(getTranslation("site.yeastar.client"));
        client.setId("yeastar-client");
        PasswordField clientSecret = new PasswordField(getTranslation("site.yeastar.secret"));
        clientSecret.setId("yeastar-secret");
        ComboBox<String> dialMode = new ComboBox<>(getTranslation("site.yeastar.dialMode"));
        dialMode.setId("yeastar-dial-mode");
        dialMode.setItems("AGENT_FIRST", "CUSTOMER_FIRST");
        Checkbox autoAnswer = new Checkbox(getTranslation("site.yeastar.autoAnswer"));
        binder.forField(url).bind("yeastarBaseUrl");
        binder.forField(client).bind("yeastarClientId");
        binder.forField(clientSecret).bind("yeastarClientSecret");
        binder.forField(dialMode).bind("yeastarDialMode");
        binder.forField(autoAnswer).bind("yeastarAutoAnswer");
        yeastarSection.add(url, client, clientSecret, dialMode, autoAnswer);
        if (site != null) {
            bean.setCode(site.code());
            bean.setName(site.name());
            bean.setTimeZone(site.timeZone());
            bean.setPbxMode(site.pbxMode());
            bean.setEnabled(site.enabled());
            site.amiServers().forEach(this::addServer);
            if (site.yeastar() != null) {
                bean.setYeastarBaseUrl(site.yeastar().baseUrl());
                bean.setYeastarClientId(site.yeastar().clientId());
                bean.setYeastarDialMode(site.yeastar().dialMode());
                bean.setYeastarAutoAnswer(Boolean.TRUE.equals(site.yeastar().autoAnswer()));
                clientSecret.setPlaceholder(site.yeastar().clientSecretSet() ? getTranslation("site.secret.set") : "");
            }
        } else {
            addServer(null);
        }
        binder.readBean(bean);
        Button addServer = new Button(getTranslation("site.ami.add"), e -> addServer(null));
        addServer.setId("add-ami-server");
        amiRowsLayout.setPadding(false);
        amiSection.setPadding(false);
        amiSection.add(new H4(getTranslation("site.ami.servers")), amiRowsLayout, addServer);
        FormLayout top = new FormLayout(code, name, zone, mode, enabled);
        top.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        add(top, amiSection, yeastarSection);
        mode.addValueChangeListener(e -> showMode(e.getValue()));
        showMode(bean.getPbxMode());
        save.setId("save-site");
        save.setText(getTranslation("site.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (binder.writeBeanIfValid(bean)) {
                onSave.accept(definition());
            }
        });
    }

    Button saveButton() {
        return save;
    }

    private void showMode(PbxMode mode) {
        amiSection.setVisible(mode != PbxMode.YEASTAR_API);
        yeastarSection.setVisible(mode == PbxMode.YEASTAR_API);
    }

    private void addServer(AmiServerSettings server) {
        AmiServerRow[] row = new AmiServerRow[1];
        row[0] = new AmiServerRow(server, server == null ? null : states.get(server.serverId()), () -> {
            amiRows.remove(row[0]);
            amiRowsLayout.remove(row[0]);
        });
        amiRows.add(row[0]);
        amiRowsLayout.add(row[0]);
    }

    /** What the form holds (after a valid write of the header). */
    SiteDefinition definition() {
        String secret = bean.getYeastarClientSecret();
        YeastarConnection yeastar = bean.getPbxMode() != PbxMode.YEASTAR_API ? null : new YeastarConnection(
                bean.getYeastarBaseUrl(), bean.getYeastarClientId(), secret == null || secret.isEmpty() ? null : secret,
                false, bean.getYeastarDialMode(), bean.isYeastarAutoAnswer(), null);
        return new SiteDefinition(bean.getCode(), bean.getName(), bean.getTimeZone(), bean.getPbxMode(),
                bean.isEnabled(), amiRows.stream().map(AmiServerRow::value).toList(), yeastar);
    }
}
