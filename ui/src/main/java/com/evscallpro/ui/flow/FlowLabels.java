package com.evscallpro.ui.flow;

import com.evscallpro.core.flow.FlowUsage;
import com.evscallpro.core.flow.FlowView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * How screens name a flow and say where it is used. A flow shipped as a file is stored under its process id as its
 * name (nobody named it): when {@code flows.shipped.<processId>} exists, that text names it in the user's language
 * ({@code outbound-call}: "Parcours d'appel sortant" / "Outbound call journey"); a name an analyst gave is shown as
 * given. {@code translate} is Vaadin's {@code getTranslation(key, args)} (a missing key reads {@code !key!}).
 */
public final class FlowLabels {

    /** Names listed per kind of user before "+n more" (the whole list is in the tooltip). */
    static final int SHOWN = 3;

    private FlowLabels() {
    }

    /** The flow's name as people read it. */
    public static String name(FlowView flow, BiFunction<String, Object[], String> translate) {
        if (flow.name().equals(flow.processId())) {
            String key = "flows.shipped." + flow.processId();
            String shipped = translate.apply(key, new Object[0]);
            if (shipped != null && !shipped.equals("!" + key + "!")) {
                return shipped;
            }
        }
        return flow.name();
    }

    /** One line: the DIDs and the campaigns using the flow, {@value #SHOWN} of each at most; "not used" when none. */
    static String usage(FlowUsage usage, BiFunction<String, Object[], String> translate) {
        return describe(usage, translate, SHOWN);
    }

    /** Every user of the flow, for a tooltip. */
    static String usageInFull(FlowUsage usage, BiFunction<String, Object[], String> translate) {
        return describe(usage, translate, Integer.MAX_VALUE);
    }

    private static String describe(FlowUsage usage, BiFunction<String, Object[], String> translate, int shown) {
        if (usage == null || usage.isEmpty()) {
            return translate.apply("flows.usage.none", new Object[0]);
        }
        List<String> parts = new ArrayList<>();
        if (!usage.dids().isEmpty()) {
            parts.add(translate.apply("flows.usage.dids", new Object[] {list(usage.dids().stream().map(d -> {
                String did = d.label() == null || d.label().isBlank() ? d.number() : d.number() + " (" + d.label() + ")";
                return d.enabled() ? did : translate.apply("flows.usage.disabled", new Object[] {did});
            }).toList(), shown, translate)}));
        }
        if (!usage.campaigns().isEmpty()) {
            parts.add(translate.apply("flows.usage.campaigns", new Object[] {list(usage.campaigns().stream()
                    .map(c -> c.byDefault() ? translate.apply("flows.usage.byDefault", new Object[] {c.name()})
                            : c.name()).toList(), shown, translate)}));
        }
        return String.join(" · ", parts);
    }

    private static String list(List<String> names, int shown, BiFunction<String, Object[], String> translate) {
        if (names.size() <= shown) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, shown)) + " "
                + translate.apply("flows.usage.more", new Object[] {names.size() - shown});
    }
}
