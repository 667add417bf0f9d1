package com.evscallpro.ui.webhook;

import com.evscallpro.core.webhook.CrmLinks;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Edits a campaign's CRM link template ({@code crm-link-template}, saved by {@code crm-link-save}; blank removes
 * it), the link the agent's screen-pop opens in a new tab.
 */
public class CrmLinkDialog extends Dialog {

    public CrmLinkDialog(CrmLinks links, long campaignId, String campaignName) {
        setId("crm-link-dialog");
        setHeaderTitle(getTranslation("admin.crmLink") + " · " + campaignName);
        TextField template = new TextField(getTranslation("admin.crmLink"));
        template.setId("crm-link-template");
        template.setHelperText(getTranslation("admin.crmLink.help"));
        template.setWidth("min(40rem, 90vw)");
        template.setMaxLength(2000);
        template.setValue(links.template(campaignId).orElse(""));
        Button save = new Button(getTranslation("privacy.save"), e -> {
            try {
                links.setTemplate(campaignId, template.getValue());
                Notifications.success(getTranslation("admin.crmLink.saved"));
                close();
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("admin.crmLink.error"), ex);
            }
        });
        save.setId("crm-link-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(template);
        getFooter().add(new Button(getTranslation("webhook.cancel"), e -> close()), save);
    }
}
