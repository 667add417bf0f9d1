package com.evscallpro.ui.admin;

import com.evscallpro.core.contact.ImportReport;
import com.evscallpro.ui.i18n.ErrorMessages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * The result of an import ({@code import-result}): {@code import-imported} "N imported", and when rows were refused
 * {@code import-rejected-count} and the list {@code import-rejected} of "line N: reason".
 */
class ImportResultDialog extends Dialog {

    ImportResultDialog(String campaignName, ImportReport report) {
        setId("import-result");
        setHeaderTitle(getTranslation("admin.import.result.title", campaignName));
        Paragraph imported = new Paragraph(getTranslation("admin.import.result.imported", report.imported()));
        imported.setId("import-imported");
        add(imported);
        if (report.rejected() != null && !report.rejected().isEmpty()) {
            Paragraph count = new Paragraph(getTranslation("admin.import.result.rejected", report.rejected().size()));
            count.setId("import-rejected-count");
            UnorderedList list = new UnorderedList();
            list.setId("import-rejected");
            list.getStyle().set("max-height", "20rem").set("overflow", "auto");
            report.rejected().forEach(r -> {
                String reason = getTranslation(ErrorMessages.key(r.code()), r.args().toArray());
                ListItem item = new ListItem(getTranslation("admin.import.result.line", r.line(), reason));
                item.getElement().setAttribute("data-line", Integer.toString(r.line()));
                list.add(item);
            });
            add(count, list);
        }
        Button close = new Button(getTranslation("common.close"), e -> close());
        close.setId("import-close");
        getFooter().add(close);
    }
}
