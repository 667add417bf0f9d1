package com.evscallpro.ui.wallboard;

import com.evscallpro.core.wallboard.Board;
import com.evscallpro.core.wallboard.BoardKind;
import com.evscallpro.core.wallboard.Figure;
import com.evscallpro.core.wallboard.Threshold;
import com.evscallpro.core.wallboard.Wallboards;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A board's thresholds: warning and alarm per figure ({@code warning-<FIGURE>}, {@code alarm-<FIGURE>}; both empty:
 * no threshold), and for a campaign its service-level threshold in seconds ({@code service-level-seconds}; a queue's
 * is set in the queue's settings). Saving checks each pair and says which one is wrong; nothing is lost.
 */
class ThresholdsDialog extends Dialog {

    private final Wallboards wallboards;
    private final Board board;
    private final BiFunction<String, Object[], String> t;
    private final Map<Figure, NumberField> warnings = new EnumMap<>(Figure.class);
    private final Map<Figure, NumberField> alarms = new EnumMap<>(Figure.class);
    private final IntegerField serviceLevel = new IntegerField();

    ThresholdsDialog(Wallboards wallboards, Board board, BiFunction<String, Object[], String> translate) {
        this.wallboards = wallboards;
        this.board = board;
        this.t = translate;
        setId("thresholds-dialog");
        setHeaderTitle(t("wallboard.thresholds.title", board.name()));
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 3));
        Map<Figure, Threshold> current = wallboards.thresholds(board.kind(), board.id());
        for (Figure f : Figure.values()) {
            NumberField warning = field("warning-" + f.name(), t("wallboard.thresholds.warning"));
            NumberField alarm = field("alarm-" + f.name(), t("wallboard.thresholds.alarm"));
            Threshold th = current.get(f);
            if (th != null) {
                warning.setValue(th.warning());
                alarm.setValue(th.alarm());
            }
            warnings.put(f, warning);
            alarms.put(f, alarm);
            form.add(new Span(t("wallboard.figure." + f.name())), warning, alarm);
        }
        if (board.kind() == BoardKind.CAMPAIGN) {
            serviceLevel.setId("service-level-seconds");
            serviceLevel.setLabel(t("wallboard.thresholds.serviceLevelSeconds"));
            serviceLevel.setMin(1);
            serviceLevel.setMax(3600);
            serviceLevel.setValue(board.serviceLevelSeconds());
            form.add(serviceLevel, 3);
        }
        add(form);
        Button save = new Button(t("wallboard.thresholds.save"), e -> save());
        save.setId("thresholds-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(t("wallboard.thresholds.cancel"), e -> close());
        getFooter().add(cancel, save);
        setWidth("min(760px, 95vw)");
    }

    private NumberField field(String id, String label) {
        NumberField f = new NumberField(label);
        f.setId(id);
        f.setMin(0);
        f.setClearButtonVisible(true);
        return f;
    }

    /** Every pair is checked first; only then is anything saved. */
    private void save() {
        Map<Figure, Threshold> set = new EnumMap<>(Figure.class);
        for (Figure f : Figure.values()) {
            Double w = warnings.get(f).getValue();
            Double a = alarms.get(f).getValue();
            if (w == null && a == null) {
                continue;
            }
            String label = t("wallboard.figure." + f.name());
            if (w == null || a == null) {
                Notifications.error(t("wallboard.thresholds.both", label));
                return;
            }
            try {
                set.put(f, new Threshold(board.kind(), board.id(), f, w, a));
            } catch (RuntimeException e) {
                Notifications.error(label + ":", e);
                return;
            }
        }
        try {
            if (board.kind() == BoardKind.CAMPAIGN) {
                wallboards.setCampaignServiceLevel(board.id(), serviceLevel.getValue());
            }
            for (Figure f : Figure.values()) {
                if (set.containsKey(f)) {
                    wallboards.saveThreshold(set.get(f));
                } else {
                    wallboards.removeThreshold(board.kind(), board.id(), f);
                }
            }
            Notifications.success(t("wallboard.thresholds.saved", board.name()));
            close();
        } catch (RuntimeException e) {
            Notifications.error(t("wallboard.error.save"), e);
        }
    }

    private String t(String key, Object... args) {
        return t.apply(key, args);
    }
}
