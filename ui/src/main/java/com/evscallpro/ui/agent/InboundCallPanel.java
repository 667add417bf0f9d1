package com.evscallpro.ui.agent;

import com.evscallpro.core.queue.InboundCallConnected;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.Map;

/**
 * The screen-pop of an inbound call ({@code inbound-call}): who calls (number, the contact when the IVR found one),
 * on which queue and after how long a wait, and the path the caller took through the IVR. It knows no service.
 */
class InboundCallPanel extends Div {

    private final Span caller = new Span();
    private final Span contact = new Span();
    private final Span queue = new Span();
    private final Span path = new Span();
    private final com.vaadin.flow.component.html.Anchor crmLink = new com.vaadin.flow.component.html.Anchor();
    private String crmLinkCallId;
    private final Div scriptBox = new Div();
    private final com.vaadin.flow.component.html.H4 scriptTitle = new com.vaadin.flow.component.html.H4();
    private final com.evscallpro.ui.script.ScriptForm script = new com.evscallpro.ui.script.ScriptForm();
    private String callId;
    private String scriptCallId;

    InboundCallPanel() {
        setId("inbound-call");
        caller.setId("inbound-caller");
        contact.setId("inbound-contact");
        queue.setId("inbound-queue");
        path.setId("inbound-ivr-path");
        getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("max-width", "48rem");
        add(new H3(getTranslation("agent.inbound.title")), line("agent.inbound.caller", caller),
                line("agent.inbound.contact", contact), line("agent.inbound.queue", queue),
                line("agent.inbound.path", path));
        crmLink.setId("inbound-crm-link");
        crmLink.setText(getTranslation("agent.crmLink"));
        crmLink.setTarget(com.vaadin.flow.component.html.AnchorTarget.BLANK);
        crmLink.getElement().setAttribute("rel", "noopener noreferrer");
        crmLink.setVisible(false);
        add(crmLink);
        scriptBox.setId("inbound-script");
        script.setId("inbound-script-form");
        scriptBox.add(scriptTitle, script);
        scriptBox.setVisible(false);
        add(scriptBox);
        setVisible(false);
    }

    private Div line(String key, Span value) {
        Span label = new Span(getTranslation(key) + " ");
        label.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return new Div(label, value);
    }

    void show(InboundCallConnected e) {
        callId = e.callId();
        Map<String, String> pop = e.call().screenPop();
        caller.setText(e.call().callerNumber() == null ? getTranslation("agent.inbound.withheld")
                : e.call().callerNumber());
        String name = String.join(" ", pop.getOrDefault("contactFirstName", ""),
                pop.getOrDefault("contactLastName", "")).strip();
        contact.setText(name.isEmpty() ? getTranslation("agent.inbound.unknownContact") : name);
        queue.setText(getTranslation("agent.inbound.queueWait", e.queueName(), e.waited().toSeconds()));
        String ivr = pop.getOrDefault("ivrPath", "");
        path.setText(ivr.isEmpty() ? "–" : ivr);
        setVisible(true);
    }

    /**
     * The queue's published script for this call ({@code inbound-script}, viewer {@code inbound-script-form}),
     * prefilled with {@code data}; null hides it. Shown once per call (the screen-pop is shown again on each status).
     */
    void showScript(String forCallId, com.evscallpro.core.script.PublishedScript published, Map<String, Object> data) {
        if (forCallId.equals(scriptCallId)) {
            return;
        }
        scriptCallId = forCallId;
        if (published == null) {
            scriptBox.setVisible(false);
            return;
        }
        scriptTitle.setText(getTranslation("agent.script", published.name()));
        // with the answers typed for this call before a reload of the page (the FR/EN switch reloads it)
        script.show(published.schemaJson(), data, forCallId);
        scriptBox.setVisible(true);
    }

    /**
     * The queue's CRM link for this call ({@code inbound-crm-link}, a new tab), or none; asked once per call
     * ({@code link} is called only for a call not seen yet: the screen-pop is shown again on each status).
     */
    void showCrmLink(String forCallId, java.util.function.Supplier<String> link) {
        if (forCallId.equals(crmLinkCallId)) {
            return;
        }
        crmLinkCallId = forCallId;
        String url = link.get();
        crmLink.setHref(url == null ? "" : url);
        crmLink.setVisible(url != null);
    }

    /** The call shown, or null. */
    String callId() {
        return callId;
    }

    /** Told the call id and the script's answers each time the agent changes them (and when the form is shown). */
    void onScriptAnswers(java.util.function.BiConsumer<String, Map<String, Object>> listener) {
        script.setAnswersListener(answers -> {
            if (scriptBox.isVisible() && scriptCallId != null) {
                listener.accept(scriptCallId, answers);
            }
        });
    }

    /** The answers of the call's script as the agent left them (empty without a script). */
    Map<String, Object> scriptAnswers() {
        return scriptBox.isVisible() ? script.answers() : Map.of();
    }

    void clear() {
        setVisible(false);
    }
}
