package com.evscallpro.ui.technical;

import com.evscallpro.core.call.TechnicalFailure;
import com.evscallpro.core.call.TechnicalFailureService;
import com.evscallpro.ui.layout.MainLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * {@code /admin/technical-failures}: {@code technical-failures-grid}, newest first, read-only, loaded lazily by page.
 * These attempts used up no attempt of their contact, which was put back due.
 */
@Route(value = TechnicalFailuresView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
class TechnicalFailuresView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/technical-failures";

    final Grid<TechnicalFailure> grid = new Grid<>();

    TechnicalFailuresView(TechnicalFailureService failures) {
        setId("technical-failures-view");
        grid.setId("technical-failures-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(TechnicalFailure::failedAt).setHeader(getTranslation("technical.failedAt")).setAutoWidth(true);
        grid.addColumn(TechnicalFailure::campaignId).setHeader(getTranslation("technical.campaign"));
        grid.addColumn(TechnicalFailure::contactId).setHeader(getTranslation("technical.contact"));
        grid.addColumn(TechnicalFailure::agentId).setHeader(getTranslation("technical.agent"));
        grid.addColumn(TechnicalFailure::attempt).setHeader(getTranslation("technical.attempt"));
        grid.addColumn(TechnicalFailure::reason).setHeader(getTranslation("technical.reason")).setFlexGrow(3);
        grid.addColumn(TechnicalFailure::callId).setHeader(getTranslation("technical.callId")).setAutoWidth(true);
        grid.setItems(query -> failures.latest(query.getOffset(), query.getLimit()).stream());
        add(new H2(getTranslation("technical.title")), new Paragraph(getTranslation("technical.explanation")), grid);
        setSizeFull();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("technical.title") + " · EVSCallPro";
    }
}
