package com.evscallpro.ui.contact;

import com.evscallpro.core.campaign.CampaignSummary;
import com.evscallpro.core.contact.ContactDirectory;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;

/**
 * Recycling ({@code recycle-dialog}): closed contacts with the chosen last qualifications
 * ({@code recycle-qualifications}) or last outcomes ({@code recycle-outcomes}) become due again; the dialog says
 * how many first ({@code recycle-count}) and acts on {@code recycle-confirm}.
 */
class RecycleDialog extends Dialog {

    private final ContactDirectory directory;
    private final CampaignSummary campaign;
    private final MultiSelectComboBox<String> qualifications = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<String> outcomes = new MultiSelectComboBox<>();
    private final Paragraph count = new Paragraph();
    private final Button confirm = new Button();
    private long matching;

    RecycleDialog(ContactDirectory directory, CampaignSummary campaign, Runnable done) {
        this.directory = directory;
        this.campaign = campaign;
        setId("recycle-dialog");
        setHeaderTitle(getTranslation("contacts.recycle.title", campaign.name()));
        qualifications.setId("recycle-qualifications");
        qualifications.setLabel(getTranslation("contacts.recycle.qualifications"));
        qualifications.setItems(directory.qualificationCodes(campaign.id()));
        qualifications.setWidthFull();
        outcomes.setId("recycle-outcomes");
        outcomes.setLabel(getTranslation("contacts.recycle.outcomes"));
        outcomes.setItems(directory.closedOutcomes(campaign.id()));
        outcomes.setWidthFull();
        count.setId("recycle-count");
        qualifications.addValueChangeListener(e -> recount());
        outcomes.addValueChangeListener(e -> recount());
        add(new Paragraph(getTranslation("contacts.recycle.help")), qualifications, outcomes, count);
        confirm.setText(getTranslation("contacts.recycle.confirm"));
        confirm.setId("recycle-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> {
            try {
                int n = directory.recycle(campaign.id(), List.copyOf(qualifications.getValue()),
                        List.copyOf(outcomes.getValue()));
                Notifications.success(getTranslation("contacts.recycle.done", n));
                close();
                done.run();
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("contacts.recycle.failed"), ex);
            }
        });
        Button cancel = new Button(getTranslation("contacts.import.discard"), e -> close());
        getFooter().add(cancel, confirm);
        recount();
    }

    private void recount() {
        matching = qualifications.getValue().isEmpty() && outcomes.getValue().isEmpty() ? 0
                : directory.countRecyclable(campaign.id(), List.copyOf(qualifications.getValue()),
                List.copyOf(outcomes.getValue()));
        count.setText(getTranslation("contacts.recycle.count", matching));
        count.getElement().setAttribute("data-count", Long.toString(matching));
        confirm.setEnabled(matching > 0);
    }
}
