package com.evscallpro.ui.prompt;

import com.evscallpro.core.prompt.HostSync;
import com.evscallpro.core.prompt.PromptDistribution;
import com.evscallpro.ui.i18n.ErrorMessages;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;

/**
 * The prompt files per PBX server: the dry run when it opens ({@code prompt-hosts-grid}: host, where its sounds
 * directory is, what would be added / changed / removed, or why it cannot be read; Yeastar sites shown as such), and
 * {@code prompts-apply} (confirmation, then the per-host results in the same grid and a notification).
 */
class PromptHostsDialog extends Dialog {

    private final PromptDistribution distribution;
    final Grid<HostSync> grid = new Grid<>();

    PromptHostsDialog(PromptDistribution distribution) {
        this.distribution = distribution;
        setId("prompt-hosts-dialog");
        setHeaderTitle(getTranslation("prompts.hosts.title"));
        grid.setId("prompt-hosts-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(h -> h.siteName() + (h.serverId().isEmpty() ? "" : " · " + h.serverId()))
                .setHeader(getTranslation("prompts.hosts.host")).setKey("host").setAutoWidth(true);
        grid.addColumn(h -> h.location() == null ? "" : h.location())
                .setHeader(getTranslation("prompts.hosts.location")).setKey("location").setFlexGrow(1);
        grid.addColumn(h -> getTranslation("prompts.outcome." + h.outcome().name()))
                .setHeader(getTranslation("prompts.hosts.outcome")).setKey("outcome").setAutoWidth(true);
        grid.addColumn(this::details).setHeader(getTranslation("prompts.hosts.details")).setKey("details")
                .setFlexGrow(2);
        grid.setClassNameGenerator(h -> "host-" + h.outcome().name().toLowerCase(java.util.Locale.ROOT));
        grid.setAllRowsVisible(true);
        Paragraph yeastar = new Paragraph(getTranslation("prompts.hosts.yeastarNote"));
        yeastar.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color",
                "var(--lumo-secondary-text-color)");
        add(grid, yeastar);
        Button apply = new Button(getTranslation("prompts.apply"), e -> confirmApply());
        apply.setId("prompts-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button refresh = new Button(getTranslation("prompts.hosts.refresh"), e -> dryRun());
        refresh.setId("prompts-dry-run");
        Button close = new Button(getTranslation("prompts.close"), e -> close());
        close.setId("prompt-hosts-close");
        getFooter().add(close, refresh, apply);
        setWidth("min(70rem, 96vw)");
        dryRun();
    }

    private String details(HostSync h) {
        return switch (h.outcome()) {
            case NOT_ASTERISK -> getTranslation("prompts.hosts.yeastar");
            case FAILED -> ErrorMessages.text(h.failure(), this::getTranslation)
                    + (h.hasChanges() ? " · " + counts(h) : "");
            case UP_TO_DATE -> getTranslation("prompts.hosts.nothing");
            default -> counts(h) + " · " + String.join(", ", paths(h));
        };
    }

    /** What would change (dry run, or a failed apply's plan), or what changed (apply). */
    private String counts(HostSync h) {
        return getTranslation(h.outcome() == HostSync.Outcome.APPLIED ? "prompts.hosts.done" : "prompts.hosts.counts",
                h.added().size(), h.changed().size(), h.removed().size());
    }

    private static List<String> paths(HostSync h) {
        List<String> all = new java.util.ArrayList<>();
        h.added().forEach(p -> all.add("+" + p));
        h.changed().forEach(p -> all.add("~" + p));
        h.removed().forEach(p -> all.add("-" + p));
        return all.size() > 12 ? all.subList(0, 12) : all;
    }

    void dryRun() {
        try {
            grid.setItems(distribution.dryRun());
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("prompts.error.dryRun"), e);
        }
    }

    private void confirmApply() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-apply-prompts");
        confirm.setHeader(getTranslation("prompts.apply"));
        confirm.setText(getTranslation("prompts.confirmApply"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("prompts.cancel"));
        confirm.setConfirmText(getTranslation("prompts.apply"));
        confirm.addConfirmListener(e -> apply());
        confirm.open();
    }

    void apply() {
        try {
            List<HostSync> results = distribution.apply();
            grid.setItems(results);
            long failed = results.stream().filter(r -> r.outcome() == HostSync.Outcome.FAILED).count();
            long applied = results.stream().filter(r -> r.outcome() == HostSync.Outcome.APPLIED).count();
            if (failed == 0) {
                Notifications.success(getTranslation("prompts.applied", applied));
            } else {
                Notifications.error(getTranslation("prompts.applyFailed", failed, applied));
            }
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("prompts.error.apply"), e);
        }
    }
}
