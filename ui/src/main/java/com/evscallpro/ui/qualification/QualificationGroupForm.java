package com.evscallpro.ui.qualification;

import com.evscallpro.core.qualification.Qualification;
import com.evscallpro.core.qualification.Qualification.QualificationCategory;
import com.evscallpro.core.qualification.QualificationGroupDefinition;
import com.evscallpro.core.qualification.QualificationService;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One group's form: {@code qualification-group-name} (required, {@link Binder}), ordered {@code qualification-row}s
 * (code, label FR, label EN, category, final, move up / down, remove), {@code add-qualification},
 * {@code save-qualification-group}. The service validates the whole; a refusal is shown in the user's language and the
 * form keeps what was typed.
 */
class QualificationGroupForm extends VerticalLayout {

    /** The bound header. */
    static final class Header {
        String name = "";
    }

    private final QualificationService service;
    private final QualificationGroupDefinition group;
    private final Runnable onSaved;
    private final Header header = new Header();
    private final Binder<Header> binder = new Binder<>();
    private final VerticalLayout rows = new VerticalLayout();
    private final List<Row> list = new ArrayList<>();
    private final Button save = new Button();

    /** The version opened: saving over someone else's change in between is refused. */
    private final Integer version;

    QualificationGroupForm(QualificationService service, QualificationGroupDefinition group, Runnable onSaved) {
        this.version = group == null || group.id() == null ? null : service.groupVersion(group.id());
        this.service = service;
        this.group = group;
        this.onSaved = onSaved;
        setPadding(false);
        TextField name = new TextField(getTranslation("qualification.name"));
        name.setId("qualification-group-name");
        name.setMaxLength(100);
        name.setWidth("24em");
        binder.forField(name).asRequired(getTranslation("error.qualification.group-name-required"))
                .bind(h -> h.name, (h, v) -> h.name = v);
        if (group != null) {
            header.name = group.name();
            group.qualifications().forEach(this::addRow);
        } else {
            addRow(null);
        }
        binder.readBean(header);
        rows.setPadding(false);
        rows.setSpacing(false);
        Button add = new Button(getTranslation("qualification.addRow"), e -> addRow(null));
        add.setId("add-qualification");
        add(name, rows, add);
        save.setId("save-qualification-group");
        save.setText(getTranslation("qualification.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
    }

    Button saveButton() {
        return save;
    }

    void save() {
        if (!binder.writeBeanIfValid(header)) {
            return;
        }
        try {
            service.saveGroup(new QualificationGroupDefinition(group == null ? null : group.id(), header.name,
                    list.stream().map(Row::value).toList(), 0), version);
            onSaved.run();
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("qualification.error.save"), e);
        }
    }

    private void addRow(Qualification q) {
        Row row = new Row(q);
        list.add(row);
        rows.add(row);
    }

    private void move(Row row, int by) {
        int i = list.indexOf(row);
        int j = i + by;
        if (j < 0 || j >= list.size()) {
            return;
        }
        list.remove(i);
        list.add(j, row);
        rows.removeAll();
        list.forEach(rows::add);
    }

    /** One qualification. */
    private final class Row extends HorizontalLayout {
        final TextField code = new TextField(getTranslation("qualification.code"));
        final TextField labelFr = new TextField(getTranslation("qualification.labelFr"));
        final TextField labelEn = new TextField(getTranslation("qualification.labelEn"));
        final Select<QualificationCategory> category = new Select<>();
        final Checkbox finalOutcome = new Checkbox(getTranslation("qualification.final"));

        Row(Qualification q) {
            addClassName("qualification-row");
            setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            setWidthFull();
            setWrap(true); // a narrow window: the row goes on below, never out of the dialog
            code.addClassName("qualification-code");
            code.setMaxLength(50);
            code.setWidth("12em");
            code.addValueChangeListener(e -> {
                String upper = e.getValue().toUpperCase(Locale.ROOT);
                if (!upper.equals(e.getValue())) {
                    code.setValue(upper);
                }
            });
            labelFr.addClassName("qualification-label-fr");
            labelEn.addClassName("qualification-label-en");
            labelFr.setMaxLength(200);
            labelEn.setMaxLength(200);
            category.setLabel(getTranslation("qualification.category"));
            category.setItems(QualificationCategory.values());
            category.setItemLabelGenerator(c -> getTranslation("qualification.category." + c.name()));
            category.addClassName("qualification-category");
            finalOutcome.addClassName("qualification-final");
            finalOutcome.setTooltipText(getTranslation("qualification.final.help"));
            finalOutcome.setValue(true);
            if (q != null) {
                code.setValue(q.code());
                labelFr.setValue(q.labelFr());
                labelEn.setValue(q.labelEn());
                category.setValue(q.category());
                finalOutcome.setValue(q.finalOutcome());
            } else {
                category.setValue(QualificationCategory.NEUTRAL);
            }
            Button up = new Button(VaadinIcon.ARROW_UP.create(), e -> move(this, -1));
            up.setAriaLabel(getTranslation("qualification.up"));
            Button down = new Button(VaadinIcon.ARROW_DOWN.create(), e -> move(this, 1));
            down.setAriaLabel(getTranslation("qualification.down"));
            Button remove = new Button(getTranslation("qualification.remove"), e -> {
                list.remove(this);
                rows.remove(this);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            for (Button b : List.of(up, down)) {
                b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            }
            add(code, labelFr, labelEn, category, finalOutcome, up, down, remove);
        }

        Qualification value() {
            return new Qualification(code.getValue(), labelFr.getValue(), labelEn.getValue(), category.getValue(),
                    finalOutcome.getValue());
        }
    }
}
