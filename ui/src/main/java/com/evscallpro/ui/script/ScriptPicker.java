package com.evscallpro.ui.script;

import com.evscallpro.core.script.ScriptService;
import com.evscallpro.core.script.ScriptView;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Choosing the script of a campaign or a queue: the scripts that have a published version (plus the one bound now,
 * even unpublished), none allowed. Used by the campaign and queue editors.
 */
public final class ScriptPicker {

    private ScriptPicker() {
    }

    /** A combo box of the published scripts, showing {@code currentId} selected. */
    public static ComboBox<ScriptView> field(ScriptService scripts, Long currentId, String label) {
        ComboBox<ScriptView> box = new ComboBox<>(label);
        List<ScriptView> offered = new ArrayList<>(scripts.publishedScripts());
        if (currentId != null && offered.stream().noneMatch(s -> s.id() == currentId)) {
            scripts.script(currentId).ifPresent(offered::add);
        }
        box.setItems(offered);
        box.setItemLabelGenerator(s -> s.publishedNumber() == null ? s.name() + " (" + box.getTranslation(
                "scripts.notPublished") + ")" : s.name() + " · v" + s.publishedNumber());
        box.setClearButtonVisible(true);
        box.setValue(currentId == null ? null
                : offered.stream().filter(s -> s.id() == currentId).findFirst().orElse(null));
        box.setHelperText(box.getTranslation("scripts.picker.help"));
        return box;
    }

    /** The selected script's id, or null. */
    public static Long id(ComboBox<ScriptView> box) {
        return box.getValue() == null ? null : box.getValue().id();
    }

    /**
     * A dialog choosing the script of {@code what} (a campaign's name): {@code script-picker} and
     * {@code script-picker-save}; {@code save} binds it (throwing when refused).
     */
    public static Dialog dialog(ScriptService scripts, String what, Long currentId, Consumer<Long> save) {
        Dialog dialog = new Dialog();
        dialog.setId("script-picker-dialog");
        dialog.setHeaderTitle(dialog.getTranslation("scripts.picker.title", what));
        ComboBox<ScriptView> box = field(scripts, currentId, dialog.getTranslation("scripts.picker.label"));
        box.setId("script-picker");
        box.setWidth("24rem");
        Button ok = new Button(dialog.getTranslation("scripts.picker.save"), e -> {
            try {
                save.accept(id(box));
                Notifications.success(dialog.getTranslation("scripts.picker.saved"));
                dialog.close();
            } catch (RuntimeException ex) {
                Notifications.error(dialog.getTranslation("scripts.picker.failed"), ex);
            }
        });
        ok.setId("script-picker-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph(dialog.getTranslation("scripts.picker.text")), box);
        dialog.getFooter().add(new Button(dialog.getTranslation("scripts.cancel"), e -> dialog.close()), ok);
        return dialog;
    }
}
