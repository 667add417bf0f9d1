package com.evscallpro.ui.supervision;

import com.evscallpro.core.ivr.IvrLiveCall;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * The calls in progress through an IVR flow on {@code /supervision} ({@code ivr-calls-grid}): one row per call, in the
 * flow's voice menu, waiting in a queue or with an agent after it, with its flow, DID and phase, and a link to its
 * path drawn live on the diagram ({@code /call-path/<call id>}; the link carries {@code data-call} and
 * {@code data-did}). Re-read at each {@code IvrCallersChanged} (a call came, went or moved).
 */
final class IvrCallsPanel extends Grid<IvrLiveCall> {

    IvrCallsPanel(Function<String, String> translate) {
        setId("ivr-calls-grid");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
        addColumn(c -> c.flowName() == null ? translate.apply("supervision.ivr.unknownFlow") : c.flowName())
                .setHeader(translate.apply("supervision.ivr.flow")).setAutoWidth(true);
        addColumn(c -> c.did() == null ? "" : c.did()).setHeader(translate.apply("supervision.ivrCalls.did"))
                .setAutoWidth(true);
        addColumn(c -> translate.apply("supervision.ivrCalls.phase." + c.phase().name()))
                .setHeader(translate.apply("supervision.ivrCalls.phase")).setAutoWidth(true);
        addColumn(LitRenderer.<IvrLiveCall>of("<a href=\"call-path/${item.path}\" data-call=\"${item.call}\""
                        + " data-did=\"${item.did}\" class=\"ivr-call-path\">${item.label}</a>")
                .withProperty("path", c -> URLEncoder.encode(c.callId(), StandardCharsets.UTF_8))
                .withProperty("call", IvrLiveCall::callId)
                .withProperty("did", c -> c.did() == null ? "" : c.did())
                .withProperty("label", c -> translate.apply("supervision.ivrCalls.path")))
                .setHeader(translate.apply("supervision.ivrCalls.call")).setFlexGrow(1);
    }

    /** Shows the calls read now. */
    void show(List<IvrLiveCall> calls) {
        setItems(calls);
    }
}
