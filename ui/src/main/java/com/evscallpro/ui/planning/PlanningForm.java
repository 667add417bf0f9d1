package com.evscallpro.ui.planning;

import com.evscallpro.core.planning.PlanningDefinition;
import com.evscallpro.core.planning.PlanningService;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.binder.Binder;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One planning's form: {@code planning-name}, {@code planning-zone}, {@code planning-holidays}; weekly slots
 * ({@code slot-row} rows of day / start / end, {@code add-slot}); dated exceptions ({@code exception-row} rows of
 * date / closed all day / start / end / label, {@code add-exception}); {@code save-planning}. The service validates the
 * whole; its refusal is shown in the user's language and the form keeps what was typed.
 */
class PlanningForm extends VerticalLayout {

    /** The header fields, bound with a {@link Binder}. */
    static final class Header {
        String name = "";
        String zone = "Europe/Paris";
        String holidays = "FR";
    }

    private final PlanningService service;
    private final Long id;
    /** The version opened: saving over someone else's change in between is refused (planning.version-mismatch). */
    private final Integer version;
    private final Runnable onSaved;
    private final Header header = new Header();
    private final Binder<Header> binder = new Binder<>();
    private final VerticalLayout slotRows = new VerticalLayout();
    private final VerticalLayout exceptionRows = new VerticalLayout();
    private final List<SlotRow> slots = new ArrayList<>();
    private final List<ExceptionRow> exceptions = new ArrayList<>();
    private final Button save = new Button();

    PlanningForm(PlanningService service, PlanningDefinition planning, Runnable onSaved) {
        this.service = service;
        this.id = planning == null ? null : planning.id();
        this.version = planning == null ? null : service.version(planning.id());
        this.onSaved = onSaved;
        setPadding(false);
        TextField name = new TextField(getTranslation("planning.name"));
        name.setId("planning-name");
        name.setMaxLength(100);
        ComboBox<String> zone = new ComboBox<>(getTranslation("planning.zone"));
        zone.setId("planning-zone");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        ComboBox<String> holidays = new ComboBox<>(getTranslation("planning.holidays"));
        holidays.setId("planning-holidays");
        holidays.setItems(service.holidayCalendars());
        holidays.setItemLabelGenerator(c -> Locale.of("", c).getDisplayCountry(getLocale()) + " (" + c + ")");
        holidays.setClearButtonVisible(true);
        holidays.setHelperText(getTranslation("planning.holidays.help"));
        binder.forField(name).asRequired(getTranslation("error.planning.name-required"))
                .bind(h -> h.name, (h, v) -> h.name = v);
        binder.forField(zone).asRequired(getTranslation("planning.zone.required"))
                .bind(h -> h.zone, (h, v) -> h.zone = v);
        binder.forField(holidays).bind(h -> h.holidays, (h, v) -> h.holidays = v);
        if (planning != null) {
            header.name = planning.name();
            header.zone = planning.timeZone();
            header.holidays = planning.holidays();
            planning.slots().forEach(this::addSlot);
            planning.exceptions().forEach(this::addException);
        } else {
            for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY)) {
                addSlot(new PlanningDefinition.Slot(d, java.time.LocalTime.of(9, 0), java.time.LocalTime.of(20, 0)));
            }
        }
        binder.readBean(header);
        FormLayout top = new FormLayout(name, zone, holidays);
        top.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        Button addSlot = new Button(getTranslation("planning.addSlot"), e -> addSlot(null));
        addSlot.setId("add-slot");
        Button addException = new Button(getTranslation("planning.addException"), e -> addException(null));
        addException.setId("add-exception");
        slotRows.setPadding(false);
        slotRows.setSpacing(false);
        exceptionRows.setPadding(false);
        exceptionRows.setSpacing(false);
        add(top, new H4(getTranslation("planning.slots")), slotRows, addSlot,
                new H4(getTranslation("planning.exceptions")), exceptionRows, addException);
        save.setId("save-planning");
        save.setText(getTranslation("planning.save"));
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
        PlanningDefinition definition = new PlanningDefinition(id, header.name, header.zone, header.holidays,
                slots.stream().map(SlotRow::value).toList(), exceptions.stream().map(ExceptionRow::value).toList());
        try {
            service.save(definition, version);
            onSaved.run();
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("planning.error.save"), e);
        }
    }

    private void addSlot(PlanningDefinition.Slot slot) {
        SlotRow row = new SlotRow(slot);
        slots.add(row);
        slotRows.add(row);
    }

    private void addException(PlanningDefinition.DayException exception) {
        ExceptionRow row = new ExceptionRow(exception);
        exceptions.add(row);
        exceptionRows.add(row);
    }

    private Button removeButton(Runnable remove) {
        Button b = new Button(getTranslation("planning.remove"), e -> remove.run());
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        b.addClassName("remove-row");
        return b;
    }

    private static TimePicker time(String label) {
        TimePicker t = new TimePicker(label);
        t.setStep(Duration.ofMinutes(15));
        t.setWidth("8em");
        return t;
    }

    /** A weekly slot: day, start, end. */
    private final class SlotRow extends HorizontalLayout {
        final Select<DayOfWeek> day = new Select<>();
        final TimePicker start = time(getTranslation("planning.start"));
        final TimePicker end = time(getTranslation("planning.end"));

        SlotRow(PlanningDefinition.Slot slot) {
            addClassName("slot-row");
            setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            setWidthFull();
            setWrap(true); // a narrow window: the row goes on below, never out of the dialog
            day.setLabel(getTranslation("planning.day"));
            day.setItems(DayOfWeek.values());
            day.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.FULL, getLocale()));
            day.addClassName("slot-day");
            start.addClassName("slot-start");
            end.addClassName("slot-end");
            if (slot != null) {
                day.setValue(slot.day());
                start.setValue(slot.start());
                end.setValue(slot.end());
            }
            add(day, start, end, removeButton(() -> {
                slots.remove(this);
                slotRows.remove(this);
            }));
        }

        PlanningDefinition.Slot value() {
            return new PlanningDefinition.Slot(day.getValue(), start.getValue(), end.getValue());
        }
    }

    /** A dated exception: closed all day, or open between two times. */
    private final class ExceptionRow extends HorizontalLayout {
        final DatePicker date = new DatePicker(getTranslation("planning.date"));
        final Checkbox closed = new Checkbox(getTranslation("planning.closedAllDay"));
        final TimePicker start = time(getTranslation("planning.start"));
        final TimePicker end = time(getTranslation("planning.end"));
        final TextField label = new TextField(getTranslation("planning.label"));

        ExceptionRow(PlanningDefinition.DayException exception) {
            addClassName("exception-row");
            setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            setWidthFull();
            setWrap(true); // a narrow window: the row goes on below, never out of the dialog
            date.addClassName("exception-date");
            closed.addClassName("exception-closed");
            label.addClassName("exception-label");
            label.setMaxLength(200);
            closed.addValueChangeListener(e -> {
                start.setEnabled(!e.getValue());
                end.setEnabled(!e.getValue());
            });
            closed.setValue(true);
            if (exception != null) {
                date.setValue(exception.date());
                closed.setValue(exception.closedAllDay());
                start.setValue(exception.start());
                end.setValue(exception.end());
                label.setValue(exception.label() == null ? "" : exception.label());
            }
            add(date, closed, start, end, label, removeButton(() -> {
                exceptions.remove(this);
                exceptionRows.remove(this);
            }));
        }

        PlanningDefinition.DayException value() {
            boolean allDay = closed.getValue();
            return new PlanningDefinition.DayException(date.getValue(), allDay ? null : start.getValue(),
                    allDay ? null : end.getValue(), label.getValue());
        }
    }
}
