package com.evscallpro.ui.layout;

import com.evscallpro.core.agent.AgentState;
import com.vaadin.flow.component.HasStyle;

/** Lumo colours of an agent state badge (inline styles: no custom theme). */
public final class StateColors {

    private StateColors() {
    }

    public static String css(AgentState state) {
        String[] c = switch (state) {
            case READY -> new String[] {"var(--lumo-success-color-10pct)", "var(--lumo-success-text-color)"};
            case ON_CALL, RESERVED -> new String[] {"var(--lumo-primary-color-10pct)", "var(--lumo-primary-text-color)"};
            case PAUSED -> new String[] {"var(--lumo-warning-color-10pct, #fff4d6)", "var(--lumo-warning-text-color, #8a5a00)"};
            case WRAP_UP -> new String[] {"var(--lumo-contrast-10pct)", "var(--lumo-body-text-color)"};
            case OFFLINE -> new String[] {"var(--lumo-contrast-5pct)", "var(--lumo-secondary-text-color)"};
        };
        return "background:" + c[0] + ";color:" + c[1];
    }

    public static void apply(HasStyle component, AgentState state) {
        for (String decl : css(state).split(";")) {
            String[] kv = decl.split(":", 2);
            component.getStyle().set(kv[0], kv[1]);
        }
    }
}
