package com.evscallpro.ui.webhook;

import com.evscallpro.core.campaign.CampaignVersionGuard;
import com.evscallpro.core.webhook.CrmLinks;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Edits a campaign's CRM link template ({@code crm-link-template}, saved by {@code crm-link-save}; blank removes
 * it), the link the agent's screen-pop opens in a new tab. It saves from the campaign's version read when it opened
 * (the CRM link is part of the campaign: {@link CampaignVersionGuard}): when someone changed the campaign since, the
 * refusal ({@code campaign.version-mismatch}, FR/EN) is shown and the dialog stays open.
 */
public class CrmLinkDialog extends Dialog {

    public CrmLinkDialog(CrmLinks links, CampaignVersionGuard guard, long campaignId, String campaignName) {
        int version = guard.version(campaignId);
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
                guard.change(campaignId, version, () -> {
                    links.setTemplate(campaignId, template.getValue());
                    return null;
                });
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
