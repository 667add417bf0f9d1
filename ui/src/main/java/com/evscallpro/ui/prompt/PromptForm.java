package com.evscallpro.ui.prompt;

import com.evscallpro.core.prompt.PromptView;
import com.evscallpro.ui.i18n.UploadTexts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.List;
import java.util.function.Consumer;

/**
 * A new prompt (name, description, language, WAV) or an existing one (description, a WAV for a language). Knows no
 * service: {@link Submission} goes to the view's handler, which answers with the text to show
 * ({@code prompt-result}: duration and format converted from → to) or throws (the dialog stays open).
 */
class PromptForm extends Dialog {

    /** What to save; {@code wav} null when no file was chosen. */
    record Submission(String name, String description, String language, String fileName, byte[] wav) {
    }

    /** Saves and answers the result to show, or throws. */
    interface Handler {
        String save(Submission submission);
    }

    final TextField name = new TextField();
    final TextArea description = new TextArea();
    final Select<String> language = new Select<>();
    final Upload upload = new Upload();
    final Span fileState = new Span();
    final Span result = new Span();
    final Button save = new Button();
    private final BeanValidationBinder<PromptBean> binder = new BeanValidationBinder<>(PromptBean.class);
    private final PromptBean bean = new PromptBean();
    private volatile byte[] wav;
    private volatile String fileName;

    /**
     * @param maxBytes largest file the browser may send (the service checks again, with its own reason)
     */
    PromptForm(PromptView existing, List<String> languages, long maxBytes, Handler handler,
               Consumer<RuntimeException> failed) {
        setId("prompt-form");
        setHeaderTitle(existing == null ? getTranslation("prompts.add")
                : getTranslation("prompts.editTitle", existing.name()));
        name.setId("prompt-name");
        name.setLabel(getTranslation("prompts.name"));
        name.setHelperText(getTranslation("prompts.name.help"));
        name.setMaxLength(64);
        name.setReadOnly(existing != null);
        description.setId("prompt-description");
        description.setLabel(getTranslation("prompts.description"));
        description.setMaxLength(500);
        language.setId("prompt-language");
        language.setLabel(getTranslation("prompts.language"));
        language.setItems(languages);
        language.setItemLabelGenerator(l -> java.util.Locale.forLanguageTag(l).getDisplayLanguage(getLocale())
                + " (" + l + ")");
        binder.forField(name).asRequired(getTranslation("error.prompt.name-required")).bind("name");
        binder.forField(description).bind("description");
        binder.forField(language).asRequired().bind("language");
        if (existing != null) {
            bean.setName(existing.name());
            bean.setDescription(existing.description() == null ? "" : existing.description());
        }
        bean.setLanguage(languages.isEmpty() ? "fr" : languages.getFirst());
        binder.readBean(bean);

        upload.setId("prompt-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        String max = UploadTexts.megabytes(this::getTranslation, maxBytes);
        upload.setI18n(UploadTexts.of(this::getTranslation, getTranslation("prompts.upload"),
                getTranslation("prompts.drop", max), getTranslation("prompts.tooBig", max)));
        upload.addFileRejectedListener(e -> com.evscallpro.ui.layout.Notifications.error(
                getTranslation("prompts.rejected", e.getFileName(), maxBytes)));
        upload.setAcceptedFileTypes("audio/wav", "audio/x-wav", "audio/wave", ".wav");
        UI ui = UI.getCurrent();
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> {
            wav = bytes;
            fileName = metadata.fileName();
            fileState.setText(getTranslation("prompts.fileReady", metadata.fileName(), bytes.length));
        })));
        upload.addFileRemovedListener(e -> {
            wav = null;
            fileName = null;
            fileState.setText("");
        });
        fileState.setId("prompt-file-state");
        result.setId("prompt-result");
        result.getStyle().set("white-space", "pre-line").set("font-size", "var(--lumo-font-size-s)");
        FormLayout form = new FormLayout(name, language, description, upload, fileState, result);
        form.setColspan(description, 2);
        form.setColspan(upload, 2);
        form.setColspan(fileState, 2);
        form.setColspan(result, 2);
        add(form);

        save.setId("save-prompt");
        save.setText(getTranslation("prompts.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (!binder.writeBeanIfValid(bean)) {
                return;
            }
            try {
                result.setText(handler.save(new Submission(bean.getName().strip(), bean.getDescription(),
                        bean.getLanguage(), fileName, wav)));
                result.getElement().setAttribute("data-saved", "true");
                wav = null;
                fileName = null;
                upload.clearFileList();
                fileState.setText("");
                name.setReadOnly(true);
            } catch (RuntimeException ex) {
                failed.accept(ex);
            }
        });
        Button close = new Button(getTranslation("prompts.close"), e -> close());
        close.setId("close-prompt");
        getFooter().add(close, save);
        setWidth("min(44rem, 96vw)");
    }
}
