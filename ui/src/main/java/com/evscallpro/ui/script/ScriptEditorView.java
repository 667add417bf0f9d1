package com.evscallpro.ui.script;

import com.evscallpro.core.script.ScriptService;
import com.evscallpro.core.script.ScriptVersionView;
import com.evscallpro.core.script.ScriptView;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import com.evscallpro.core.script.ScriptChange;
import com.evscallpro.core.script.SchemaProblem;
import com.evscallpro.core.script.ScriptSchemaCheck;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.listbox.ListBox;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Consumer;

/**
 * {@code /scripts/<id>}: the form-js editor ({@code script-editor}) of a script's draft (or newest version),
 * {@code script-save} (stores the draft: checked by the server, refused with the reasons), {@code script-publish}
 * (saves, then a dialog: {@code script-publish-comment}, {@code script-publish-confirm}), {@code script-status}, and
 * the versions ({@code script-versions-grid}; per row {@code script-version-open-<n>} loads a version in the editor,
 * {@code script-version-publish-<n>} publishes an earlier one again, {@code script-version-export-<n>} downloads it as a
 * {@code .form} file). {@code script-compare} opens the comparison of two versions ({@code script-compare-from},
 * {@code script-compare-to}: version lists, {@code script-compare-grid}: a row per change); {@code script-import-button}
 * picks a {@code .form} file ({@code script-import}, the file input) that becomes the new draft (refused with every
 * reason, nothing changes). Only components the production bundle's chunk of this route holds are used (no upload,
 * select or combo box: docs/agent-scripts.md, "The frontend").
 */
@Route(value = ScriptsView.ROUTE, layout = MainLayout.class)
@RolesAllowed({"ADMIN", "ANALYST"})
class ScriptEditorView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final ScriptService scripts;
    final ScriptEditor editor = new ScriptEditor();
    final Grid<ScriptVersionView> versions = new Grid<>();
    private final H2 title = new H2();
    private final Span status = new Span();
    private final DateTimeFormatter when;
    private ScriptView script;
    private Consumer<ScriptVersionView> afterSave;

    ScriptEditorView(ScriptService scripts) {
        this.scripts = scripts;
        setId("script-editor-view");
        setSizeFull();
        when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        editor.setId("script-editor");
        editor.setSaveListener(this::store);
        editor.setImportFailedListener(reason -> Notifications.error(getTranslation("scripts.editor.importFailed",
                reason)));
        status.setId("script-status");
        Button save = new Button(getTranslation("scripts.editor.save"), e -> saveThen(null));
        save.setId("script-save");
        Button publish = new Button(getTranslation("scripts.editor.publish"), e -> publishDialog().open());
        publish.setId("script-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button compare = new Button(getTranslation("scripts.compare"), e -> compareDialog().open());
        compare.setId("script-compare");
        FormFileInput file = new FormFileInput(ScriptSchemaCheck.MAX_BYTES, this::importForm, () -> Notifications.error(
                getTranslation("scripts.import.tooLarge", ScriptSchemaCheck.MAX_BYTES / 1024)));
        file.setId("script-import");
        file.getStyle().set("display", "none");
        Button importButton = new Button(getTranslation("scripts.import"));
        importButton.setId("script-import-button");
        // opened in the browser, in the click itself (a file chooser needs the user's gesture, not a server trip)
        importButton.getElement().executeJs("this.addEventListener('click', () => $0.click())", file.getElement());
        HorizontalLayout bar = new HorizontalLayout(save, publish, compare, importButton, file, status);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);

        versions.setId("script-versions-grid");
        versions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        versions.addColumn(v -> "v" + v.number()).setHeader(getTranslation("scripts.version")).setAutoWidth(true)
                .setFlexGrow(0);
        versions.addColumn(v -> getTranslation("scripts.status." + v.status()))
                .setHeader(getTranslation("scripts.versionStatus")).setAutoWidth(true);
        versions.addColumn(v -> v.createdBy() + " · " + when.format(v.createdAt()))
                .setHeader(getTranslation("scripts.savedBy")).setAutoWidth(true);
        versions.addColumn(v -> v.publishedAt() == null ? "" : v.publishedBy() + " · " + when.format(v.publishedAt()))
                .setHeader(getTranslation("scripts.publishedBy")).setAutoWidth(true);
        versions.addColumn(v -> v.comment() == null ? "" : v.comment()).setHeader(getTranslation("scripts.comment"))
                .setFlexGrow(1);
        versions.addComponentColumn(this::versionActions).setAutoWidth(true).setFlexGrow(0);
        versions.setHeight("12rem");
        add(title, bar, editor, versions);
        setFlexGrow(1, editor);
    }

    @Override
    public void setParameter(BeforeEvent event, Long scriptId) {
        script = scriptId == null ? null : scripts.script(scriptId).orElse(null);
        if (script == null) {
            Notifications.error(getTranslation("error.script.not-found", scriptId));
            event.forwardTo(ScriptsView.class);
            return;
        }
        title.setText(script.name());
        scripts.latest(script.id()).ifPresent(v -> editor.setSchema(scripts.schema(v.id())));
        refresh();
    }

    @Override
    public String getPageTitle() {
        return script == null ? getTranslation("scripts.title") : getTranslation("scripts.editor.title", script.name());
    }

    private void refresh() {
        script = scripts.script(script.id()).orElse(script);
        versions.setItems(scripts.versions(script.id()));
        status.setText(script.publishedNumber() == null ? getTranslation("scripts.notPublished")
                : getTranslation("scripts.editor.publishedVersion", script.publishedNumber())
                + (script.hasDraft() ? " · " + getTranslation("scripts.hasDraft") : ""));
    }

    private Component versionActions(ScriptVersionView v) {
        Button open = new Button(getTranslation("scripts.open"), e -> {
            editor.setSchema(scripts.schema(v.id()));
            Notifications.success(getTranslation("scripts.editor.loaded", v.number()));
        });
        open.setId("script-version-open-" + v.number());
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout row = new HorizontalLayout(open, exportAnchor(v));
        if (v.status() == ScriptVersionView.Status.RETIRED) {
            Button publish = new Button(getTranslation("scripts.editor.publishAgain"), e -> {
                try {
                    scripts.publish(v.id(), getTranslation("scripts.editor.rollBackComment", v.number()));
                    Notifications.success(getTranslation("scripts.editor.published", v.number()));
                } catch (RuntimeException ex) {
                    Notifications.error(getTranslation("scripts.editor.publishFailed"), ex);
                }
                refresh();
            });
            publish.setId("script-version-publish-" + v.number());
            publish.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            row.add(publish);
        }
        return row;
    }

    /** A link downloading a version as {@code <script>-v<n>.form} (what Camunda Modeler's form editor opens). */
    private Anchor exportAnchor(ScriptVersionView v) {
        Anchor anchor = new Anchor((DownloadHandler) event -> {
            event.setFileName(scripts.exportFileName(v.id()));
            event.setContentType("application/json; charset=UTF-8");
            event.getOutputStream().write(scripts.exportForm(v.id()).getBytes(StandardCharsets.UTF_8));
        }, "");
        anchor.setId("script-version-export-" + v.number());
        anchor.getElement().setAttribute("download", true);
        Button button = new Button(getTranslation("scripts.export"));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        anchor.add(button);
        return anchor;
    }

    /** A {@code .form} file becomes the draft (checked by the server; a refusal lists every reason). */
    private void importForm(String fileName, byte[] bytes) {
        List<SchemaProblem> problems;
        try {
            problems = scripts.problems(com.evscallpro.core.script.ScriptService.formText(bytes));
        } catch (RuntimeException ex) {
            Notifications.error(getTranslation("scripts.import.refused", fileName), ex);
            return;
        }
        if (!problems.isEmpty()) {
            StringBuilder reasons = new StringBuilder(getTranslation("scripts.import.refused", fileName));
            problems.stream().limit(10).forEach(p -> reasons.append("\n• ")
                    .append(getTranslation("error." + p.code(), p.args().toArray())));
            Notifications.error(reasons.toString());
            return;
        }
        try {
            ScriptVersionView draft = scripts.importForm(script.id(), bytes,
                    getTranslation("scripts.import.comment", fileName));
            editor.setSchema(scripts.schema(draft.id()));
            Notifications.success(getTranslation("scripts.import.done", fileName, draft.number()));
        } catch (RuntimeException ex) {
            Notifications.error(getTranslation("scripts.import.refused", fileName), ex);
        }
        refresh();
    }

    /** Two versions side by side: what changed from one to the other, component by component. */
    private Dialog compareDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("scripts.compare.title"));
        dialog.setWidth("min(60rem, 95vw)");
        List<ScriptVersionView> all = scripts.versions(script.id());
        ListBox<ScriptVersionView> from = versionList("script-compare-from", all);
        ListBox<ScriptVersionView> to = versionList("script-compare-to", all);
        // by default: the published version (else the one before the newest) against the newest
        to.setValue(all.isEmpty() ? null : all.get(0));
        from.setValue(all.stream().filter(v -> v.status() == ScriptVersionView.Status.PUBLISHED
                && v != all.get(0)).findFirst().orElse(all.size() > 1 ? all.get(1) : null));
        Grid<ScriptChange> changes = new Grid<>();
        changes.setId("script-compare-grid");
        changes.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        changes.addColumn(ScriptChange::component).setHeader(getTranslation("scripts.compare.component"))
                .setAutoWidth(true);
        changes.addColumn(c -> getTranslation("scripts.compare." + c.kind()
                + (c.property() == null ? "" : "." + c.property())))
                .setHeader(getTranslation("scripts.compare.change")).setAutoWidth(true);
        changes.addColumn(c -> c.before() == null ? "" : c.before()).setHeader(getTranslation("scripts.compare.before"))
                .setFlexGrow(1);
        changes.addColumn(c -> c.after() == null ? "" : c.after()).setHeader(getTranslation("scripts.compare.after"))
                .setFlexGrow(1);
        changes.setAllRowsVisible(true);
        Span none = new Span(getTranslation("scripts.compare.none"));
        none.setId("script-compare-none");
        Runnable show = () -> {
            List<ScriptChange> list = List.of();
            if (from.getValue() != null && to.getValue() != null) {
                try {
                    list = scripts.compare(from.getValue().id(), to.getValue().id());
                } catch (RuntimeException ex) {
                    Notifications.error(getTranslation("scripts.compare.failed"), ex);
                }
            }
            changes.setItems(list);
            none.setVisible(list.isEmpty());
            changes.setVisible(!list.isEmpty());
        };
        from.addValueChangeListener(e -> show.run());
        to.addValueChangeListener(e -> show.run());
        show.run();
        Button close = new Button(getTranslation("scripts.compare.close"), e -> dialog.close());
        close.setId("script-compare-close");
        dialog.add(new VerticalLayout(new HorizontalLayout(
                new VerticalLayout(new Span(getTranslation("scripts.compare.from")), from),
                new VerticalLayout(new Span(getTranslation("scripts.compare.to")), to)), none, changes));
        dialog.getFooter().add(close);
        return dialog;
    }

    private ListBox<ScriptVersionView> versionList(String id, List<ScriptVersionView> all) {
        ListBox<ScriptVersionView> list = new ListBox<>();
        list.setId(id);
        list.setItems(all);
        list.setItemLabelGenerator(v -> "v" + v.number() + " (" + getTranslation("scripts.status." + v.status())
                + ")");
        list.setMaxHeight("8rem");
        return list;
    }

    /** Asks the browser for the schema; stores it as the draft, then runs {@code next} with the saved version. */
    private void saveThen(Consumer<ScriptVersionView> next) {
        afterSave = next;
        editor.requestSave();
    }

    private void store(String schemaJson) {
        Consumer<ScriptVersionView> next = afterSave;
        afterSave = null;
        try {
            // from the version opened (refresh() keeps it current after our own saves): another editor's save or
            // publication since is refused (script.version-mismatch) and this draft stays in the editor
            ScriptVersionView saved = scripts.saveDraft(script.id(), script.version(), schemaJson, null);
            refresh();
            if (next != null) {
                next.accept(saved);
            } else {
                Notifications.success(getTranslation("scripts.editor.saved", saved.number()));
            }
        } catch (RuntimeException ex) {
            Notifications.error(getTranslation("scripts.editor.saveFailed"), ex);
        }
    }

    private Dialog publishDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("scripts.editor.publish"));
        TextField comment = new TextField(getTranslation("scripts.comment"));
        comment.setId("script-publish-comment");
        comment.setMaxLength(1000);
        comment.setWidth("24rem");
        Button confirm = new Button(getTranslation("scripts.editor.publish"), e -> {
            dialog.close();
            saveThen(saved -> {
                try {
                    ScriptVersionView v = scripts.publish(saved.id(), comment.getValue());
                    Notifications.success(getTranslation("scripts.editor.published", v.number()));
                } catch (RuntimeException ex) {
                    Notifications.error(getTranslation("scripts.editor.publishFailed"), ex);
                }
                refresh();
            });
        });
        confirm.setId("script-publish-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("scripts.cancel"), e -> dialog.close());
        dialog.add(comment);
        dialog.getFooter().add(cancel, confirm);
        return dialog;
    }
}
