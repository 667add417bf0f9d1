package com.evscallpro.ui.prompt;

import com.evscallpro.core.media.MediaSettings;
import com.evscallpro.core.prompt.PromptAudio;
import com.evscallpro.core.prompt.PromptDistribution;
import com.evscallpro.core.prompt.PromptService;
import com.evscallpro.core.prompt.PromptView;
import com.evscallpro.ui.layout.MainLayout;
import com.evscallpro.ui.layout.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code /admin/prompts}: {@code prompts-grid} (lazy, filter {@code prompts-filter}, sortable name and last change),
 * {@code add-prompt}, per row: play a language ({@code play-prompt-<name>-<lang>} into {@code prompt-player}),
 * upload / describe ({@code edit-prompt-<name>}), delete after confirmation ({@code delete-prompt-<name>}); the
 * hosts' dry run and apply ({@code prompts-hosts}).
 */
@Route(value = PromptsView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
class PromptsView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/prompts";

    private static final Map<String, Comparator<PromptView>> SORTS = Map.of(
            "name", Comparator.comparing(PromptView::name),
            "updatedAt", Comparator.comparing(PromptView::updatedAt));

    private final PromptService prompts;
    private final PromptDistribution distribution;
    private final List<String> languages;
    private final long maxUploadBytes;
    final Grid<PromptView> grid = new Grid<>();
    final TextField filter = new TextField();
    final AudioPlayer player = new AudioPlayer("prompt-player");

    PromptsView(PromptService prompts, PromptDistribution distribution, MediaSettings media) {
        this.prompts = prompts;
        this.distribution = distribution;
        this.languages = media.languages();
        this.maxUploadBytes = media.maxUploadSize().toBytes();
        setId("prompts-view");
        setSizeFull();
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        grid.setId("prompts-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(PromptView::name).setHeader(getTranslation("prompts.name")).setKey("name").setSortable(true)
                .setAutoWidth(true).setFrozen(true);
        grid.addColumn(p -> p.description() == null ? "" : p.description())
                .setHeader(getTranslation("prompts.description")).setKey("description").setFlexGrow(1);
        grid.addColumn(this::files).setHeader(getTranslation("prompts.files")).setKey("files").setAutoWidth(true);
        grid.addColumn(p -> p.updatedBy() + " · " + when.format(p.updatedAt()))
                .setHeader(getTranslation("prompts.updated")).setKey("updatedAt").setSortable(true)
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> {
            String key = query.getSortOrders().isEmpty() ? "name" : query.getSortOrders().getFirst().getSorted();
            Comparator<PromptView> order = SORTS.getOrDefault(key, SORTS.get("name"));
            if (!query.getSortOrders().isEmpty()
                    && query.getSortOrders().getFirst().getDirection() == SortDirection.DESCENDING) {
                order = order.reversed();
            }
            return matching().sorted(order).skip(query.getOffset()).limit(query.getLimit());
        }, query -> (int) matching().count());

        filter.setId("prompts-filter");
        filter.setPlaceholder(getTranslation("prompts.filter"));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> refresh());
        Button add = new Button(getTranslation("prompts.add"), e -> edit(null));
        add.setId("add-prompt");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button hosts = new Button(getTranslation("prompts.hosts"), e -> new PromptHostsDialog(distribution).open());
        hosts.setId("prompts-hosts");
        FlexLayout bar = new FlexLayout(filter, add, hosts);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("gap", "var(--lumo-space-s)");
        add(new H2(getTranslation("prompts.title")), bar, grid, player);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("prompts.title") + " · EVSCallPro";
    }

    private Stream<PromptView> matching() {
        String f = filter.getValue() == null ? "" : filter.getValue().strip().toLowerCase(Locale.ROOT);
        try {
            return prompts.prompts().stream().filter(p -> f.isEmpty() || p.name().contains(f)
                    || (p.description() != null && p.description().toLowerCase(Locale.ROOT).contains(f)));
        } catch (RuntimeException e) {
            Notifications.error(getTranslation("prompts.error.load"), e);
            return Stream.empty();
        }
    }

    /** {@code fr 2,5 s · en 3 s}, or "no file". */
    private String files(PromptView p) {
        if (p.audio().isEmpty()) {
            return getTranslation("prompts.noFile");
        }
        return p.audio().stream().map(a -> a.language() + " " + seconds(a))
                .collect(Collectors.joining(" · "));
    }

    private String seconds(PromptAudio a) {
        return getTranslation("prompts.seconds", a.duration().toMillis() / 1000.0);
    }

    private Component actions(PromptView p) {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setSpacing(false);
        buttons.getStyle().set("gap", "var(--lumo-space-xs)");
        for (PromptAudio a : p.audio()) {
            Button play = new Button("▶ " + a.language(), e -> play(p.name(), a.language()));
            play.setId("play-prompt-" + p.name() + "-" + a.language());
            play.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            play.getElement().setAttribute("aria-label", getTranslation("prompts.play", p.name(), a.language()));
            buttons.add(play);
        }
        Button edit = new Button(getTranslation("prompts.edit"), e -> edit(p));
        edit.setId("edit-prompt-" + p.name());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button delete = new Button(getTranslation("prompts.delete"), e -> confirmDelete(p));
        delete.setId("delete-prompt-" + p.name());
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        buttons.add(edit, delete);
        return buttons;
    }

    private void play(String name, String language) {
        player.play(name + "/" + language, () -> prompts.audio(name, language).orElse(new byte[0]), null);
    }

    /** Opens the form; each save creates the prompt or changes it, from the version last seen. */
    PromptForm edit(PromptView existing) {
        int[] version = {existing == null ? -1 : existing.version()};
        PromptForm form = new PromptForm(existing, languages, maxUploadBytes, s -> {
            String text = save(s, version);
            Notifications.success(getTranslation("prompts.saved", s.name()));
            refresh();
            return text;
        }, e -> Notifications.error(getTranslation("prompts.error.save"), e));
        form.open();
        return form;
    }

    private String save(PromptForm.Submission s, int[] version) {
        if (version[0] < 0) {
            PromptService.Upload created = prompts.createWithAudio(s.name(), s.description(), s.language(),
                    s.fileName(), s.wav());
            version[0] = created.prompt().version();
            return created.audio() == null ? getTranslation("prompts.createdNoFile") : uploaded(created);
        }
        PromptView described = prompts.describe(s.name(), s.description(), version[0]);
        version[0] = described.version();
        if (s.wav() == null) {
            return getTranslation("prompts.described");
        }
        PromptService.Upload upload = prompts.upload(s.name(), s.language(), s.fileName(), s.wav(), version[0]);
        version[0] = upload.prompt().version();
        return uploaded(upload);
    }

    /** Duration, and format from → to (or "already in the right format"). */
    private String uploaded(PromptService.Upload u) {
        String duration = getTranslation("prompts.seconds", u.audio().duration().toMillis() / 1000.0);
        return u.audio().converted()
                ? getTranslation("prompts.uploaded", u.language(), duration, u.audio().sourceFormat(),
                u.audio().targetFormat())
                : getTranslation("prompts.uploadedAsIs", u.language(), duration, u.audio().targetFormat());
    }

    private void confirmDelete(PromptView p) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-delete-prompt");
        confirm.setHeader(getTranslation("prompts.confirmDelete", p.name()));
        confirm.setText(getTranslation("prompts.confirmDelete.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("prompts.cancel"));
        confirm.setConfirmText(getTranslation("prompts.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                prompts.delete(p.name(), p.version());
                Notifications.success(getTranslation("prompts.deleted", p.name()));
            } catch (RuntimeException ex) {
                Notifications.error(getTranslation("prompts.error.delete", p.name()), ex);
            }
            refresh();
        });
        confirm.open();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
