package com.evscallpro.ui.rules;

import com.evscallpro.core.rules.CallingRulesAdmin;
import com.evscallpro.core.rules.CallingRulesAdmin.Refusal;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * Why a contact was not dialled: its stored refusals, newest first (rule, detail, when, due again or closed). Any
 * screen showing a contact opens it: {@code new ContactRefusals(rules, contactId).open()}. Ids:
 * {@code contact-refusals}, {@code contact-refusals-grid}.
 */
public class ContactRefusals extends Dialog {

    public ContactRefusals(CallingRulesAdmin rules, long contactId) {
        setId("contact-refusals");
        setHeaderTitle(getTranslation("rules.contactRefusals.title", contactId));
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());
        List<Refusal> refusals = rules.refusalsOfContact(contactId, 100);
        if (refusals.isEmpty()) {
            add(new Paragraph(getTranslation("rules.contactRefusals.none")));
        } else {
            Grid<Refusal> grid = new Grid<>();
            grid.setId("contact-refusals-grid");
            grid.addThemeVariants(GridVariant.LUMO_COMPACT);
            grid.addColumn(r -> when.format(r.at())).setHeader(getTranslation("rules.col.at")).setAutoWidth(true);
            grid.addColumn(r -> ruleLabel(r.rule())).setHeader(getTranslation("rules.col.rule")).setAutoWidth(true);
            grid.addColumn(Refusal::detail).setHeader(getTranslation("rules.col.detail")).setFlexGrow(2);
            grid.addColumn(r -> r.notBefore() == null ? getTranslation("rules.closed") : when.format(r.notBefore()))
                    .setHeader(getTranslation("rules.col.notBefore")).setAutoWidth(true);
            grid.setItems(refusals);
            grid.setWidth("60rem");
            add(grid);
        }
        getFooter().add(new Button(getTranslation("rules.close"), e -> close()));
    }

    /** A rule code in the user's language ({@code rules.rule.<code>}), or the code itself. */
    String ruleLabel(String code) {
        String key = "rules.rule." + code;
        String label = getTranslation(key);
        return label == null || label.startsWith("!") || label.equals(key) ? code : label;
    }
}
