package com.evscallpro.ui.agent;

import com.evscallpro.core.agentdesk.CustomFieldLabels;
import com.evscallpro.core.agentdesk.CustomFieldLabels.LabelledField;
import com.evscallpro.core.qualification.Qualification;
import com.evscallpro.core.qualification.Qualification.QualificationCategory;
import com.evscallpro.core.task.ScreenPop;
import com.evscallpro.core.task.WrapUpTask;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The screen-pop ({@code screen-pop}) and wrap-up form of one task. It knows no service: "qualify" fires a
 * {@link QualifyEvent} once the form is complete (a qualification, and a time for a callback).
 * Callback times are read in the server's time zone.
 */
class ScreenPopPanel extends VerticalLayout {

    private final H3 campaign = new H3();
    private final Span contactName = new Span();
    private final Span contactPhone = new Span();
    private final Span attempt = new Span();
    private final Div customFields = new Div();
    private final com.vaadin.flow.component.html.Anchor crmLink = new com.vaadin.flow.component.html.Anchor();
    private final RadioButtonGroup<Qualification> qualification = new RadioButtonGroup<>();
    private final DateTimePicker callbackAt = new DateTimePicker();
    private final TextArea comment = new TextArea();
    private final Button qualify = new Button();
    private final Button qualifyAndHangUp = new Button();
    private final Span onLineHint = new Span();
    private final Span formError = new Span();
    private final com.vaadin.flow.component.html.Div scriptBox = new com.vaadin.flow.component.html.Div();
    private final com.vaadin.flow.component.html.H4 scriptTitle = new com.vaadin.flow.component.html.H4();
    private final com.evscallpro.ui.script.ScriptForm script = new com.evscallpro.ui.script.ScriptForm();
    private WrapUpTask task;

    ScreenPopPanel() {
        setId("screen-pop");
        setPadding(true);
        getStyle().set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("background", "var(--lumo-contrast-5pct)");
        campaign.setId("campaign-name");
        campaign.getStyle().set("margin", "0");
        contactName.setId("contact-name");
        contactName.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        contactPhone.setId("contact-phone");
        attempt.setId("contact-attempt");
        customFields.setId("custom-fields");
        crmLink.setId("crm-link");
        crmLink.setText(getTranslation("agent.crmLink"));
        crmLink.setTarget(com.vaadin.flow.component.html.AnchorTarget.BLANK);
        crmLink.getElement().setAttribute("rel", "noopener noreferrer");
        crmLink.setVisible(false);
        qualification.setId("qualification-select");
        qualification.setLabel(getTranslation("agent.qualification"));
        qualification.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        qualification.setItemLabelGenerator(q -> q.label(getLocale()));
        qualification.addValueChangeListener(e -> onQualificationChanged());
        callbackAt.setId("callback-at");
        callbackAt.setLabel(getTranslation("agent.callbackAt"));
        callbackAt.setVisible(false);
        comment.setId("comment");
        comment.setLabel(getTranslation("agent.comment"));
        comment.setWidthFull();
        comment.setMaxLength(2000);
        formError.setId("qualify-error");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
        qualify.setId("qualify-button");
        qualify.setText(getTranslation("agent.qualify"));
        qualify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        qualify.addClickListener(e -> submit(false));
        qualifyAndHangUp.setId("qualify-hangup-button");
        qualifyAndHangUp.setText(getTranslation("agent.qualifyAndHangUp"));
        qualifyAndHangUp.addThemeVariants(ButtonVariant.LUMO_ERROR);
        qualifyAndHangUp.addClickListener(e -> submit(true));
        onLineHint.setId("customer-on-line");
        onLineHint.setText(getTranslation("agent.customerOnLine"));
        onLineHint.getStyle().set("color", "var(--lumo-secondary-text-color)");
        scriptBox.setId("agent-script");
        script.setId("agent-script-form");
        scriptTitle.getStyle().set("margin", "var(--lumo-space-s) 0");
        scriptBox.add(scriptTitle, script);
        scriptBox.setWidthFull();
        scriptBox.setVisible(false);
        add(campaign, contactName, contactPhone, attempt, crmLink, customFields, scriptBox, qualification, callbackAt,
                comment,
                formError, onLineHint, new HorizontalLayout(qualify, qualifyAndHangUp));
    }

    void show(WrapUpTask task) {
        this.task = task;
        ScreenPop c = task.contact();
        campaign.setText(task.campaignName());
        contactName.setText(fullName(c));
        contactPhone.setText(c == null || c.phone() == null ? "" : c.phone());
        attempt.setText(getTranslation("agent.attempt", c == null ? 1 : c.attempt()));
        showCustomFields(humanised(c == null ? Map.of() : c.customFields()));
        qualification.setItems(task.qualifications() == null ? java.util.List.of() : task.qualifications());
        qualification.clear();
        callbackAt.clear();
        callbackAt.setVisible(false);
        comment.clear();
        formError.setText("");
        getElement().setAttribute("data-call-id", task.callId());
    }

    /**
     * The campaign's (or queue's) published script for this call ({@code agent-script}: title, then the form-js
     * viewer {@code agent-script-form}) prefilled with {@code data}; null hides it. Its answers go with the
     * qualification.
     */
    void showScript(com.evscallpro.core.script.PublishedScript published, java.util.Map<String, Object> data) {
        if (published == null) {
            scriptBox.setVisible(false);
            return;
        }
        scriptTitle.setText(getTranslation("agent.script", published.name()));
        scriptBox.getElement().setAttribute("data-script-version", String.valueOf(published.versionId()));
        // with the answers typed for this call before a reload of the page (the FR/EN switch reloads it)
        script.show(published.schemaJson(), data, task == null ? null : task.callId());
        scriptBox.setVisible(true);
    }

    /**
     * The server refused the script's answers ({@code script.answer-*}): the message under the qualification, and the
     * viewer marks the fields to correct.
     */
    void showScriptRefused(String message) {
        formError.setText(getTranslation("agent.script.invalid") + " " + message);
        if (scriptBox.isVisible()) {
            script.showErrors();
        }
    }

    /** Package-visible for tests: the script viewer. */
    com.evscallpro.ui.script.ScriptForm scriptForm() {
        return script;
    }

    /** A panel shown under the contact's custom fields (the contact's previous calls). */
    void addUnderCustomFields(com.vaadin.flow.component.Component panel) {
        addComponentAtIndex(indexOf(customFields) + 1, panel);
    }

    /** The campaign's CRM link for this contact ({@code crm-link}, a new tab), or none. */
    void setCrmLink(String url) {
        crmLink.setHref(url == null ? "" : url);
        crmLink.setVisible(url != null);
    }

    /**
     * While the customer is still on the line, qualifying would end their call: "qualify" waits for the customer to
     * hang up, and "qualify and hang up" is the agent's explicit choice.
     */
    void setCustomerOnLine(boolean onLine) {
        qualify.setEnabled(!onLine);
        qualifyAndHangUp.setVisible(onLine);
        onLineHint.setVisible(onLine);
        getElement().setAttribute("data-customer-on-line", Boolean.toString(onLine));
    }

    Registration addQualifyListener(ComponentEventListener<QualifyEvent> listener) {
        return addListener(QualifyEvent.class, listener);
    }

    /**
     * The contact's custom fields with the labels the agent reads ({@code custom-field} rows, {@code data-field} the
     * key), in the order given; {@link #show} shows them with humanised keys until the view gives the labels.
     */
    void showCustomFields(List<LabelledField> fields) {
        customFields.removeAll();
        if (fields == null) {
            return;
        }
        for (LabelledField f : fields) {
            Span label = new Span(f.label());
            label.addClassName("custom-field-label");
            label.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin-right", "var(--lumo-space-s)");
            Span text = new Span(f.value() == null ? "" : f.value());
            text.addClassName("custom-field-value");
            Div row = new Div(label, text);
            row.addClassName("custom-field");
            row.getElement().setAttribute("data-field", f.key());
            customFields.add(row);
        }
    }

    private static List<LabelledField> humanised(Map<String, String> fields) {
        List<LabelledField> out = new ArrayList<>();
        if (fields != null) {
            fields.forEach((k, v) -> out.add(new LabelledField(k, CustomFieldLabels.humanise(k), v)));
        }
        return out;
    }

    private void onQualificationChanged() {
        Qualification q = qualification.getValue();
        boolean callback = q != null && q.category() == QualificationCategory.CALLBACK;
        callbackAt.setVisible(callback);
        if (!callback) {
            callbackAt.clear();
        }
        formError.setText("");
    }

    private void submit(boolean hangUp) {
        Qualification q = qualification.getValue();
        if (task == null) {
            return;
        }
        if (q == null) {
            formError.setText(getTranslation("agent.error.noQualification"));
            return;
        }
        LocalDateTime at = callbackAt.getValue();
        if (q.category() == QualificationCategory.CALLBACK && at == null) {
            formError.setText(getTranslation("agent.error.noCallbackTime"));
            return;
        }
        Instant callback = q.category() == QualificationCategory.CALLBACK
                ? at.atZone(ZoneId.systemDefault()).toInstant() : null;
        String text = comment.getValue() == null || comment.getValue().isBlank() ? null : comment.getValue().trim();
        java.util.Map<String, Object> answers = scriptBox.isVisible() ? script.answers() : java.util.Map.of();
        fireEvent(new QualifyEvent(this, new AgentWorkspace.Qualification(task.callId(), q.code(), callback, text, hangUp,
                answers)));
    }

    private static String fullName(ScreenPop c) {
        if (c == null) {
            return "";
        }
        String first = c.firstName() == null ? "" : c.firstName();
        String last = c.lastName() == null ? "" : c.lastName();
        return (first + " " + last).trim();
    }

    /** The agent asked to qualify the call with what the form holds. */
    static final class QualifyEvent extends ComponentEvent<ScreenPopPanel> {
        private final AgentWorkspace.Qualification qualification;

        QualifyEvent(ScreenPopPanel source, AgentWorkspace.Qualification qualification) {
            super(source, false);
            this.qualification = qualification;
        }

        AgentWorkspace.Qualification qualification() {
            return qualification;
        }
    }
}
