package com.evscallpro.ui.technical;

import com.evscallpro.core.call.TechnicalFailure;
import com.evscallpro.core.call.TechnicalFailureService;
import com.evscallpro.core.campaign.CampaignService;
import com.evscallpro.core.campaign.CampaignSummary;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import com.evscallpro.ui.layout.MainLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * {@code /admin/technical-failures}: {@code technical-failures-grid}, newest first, read-only, loaded lazily by page.
 * These attempts used up no attempt of their contact, which was put back due. Each row says in the user's language
 * what kind of failure it was ({@code technical.kind.<code>}), with the campaign's and the agent's names and the time
 * in the server's time zone; the technical detail (as logged, for the PBX administrator) has its own column.
 */
@Route(value = TechnicalFailuresView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
class TechnicalFailuresView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/technical-failures";

    final Grid<TechnicalFailure> grid = new Grid<>();
    private final Map<Long, String> agentNames = new ConcurrentHashMap<>();

    TechnicalFailuresView(TechnicalFailureService failures, CampaignService campaigns, UserAccountService users) {
        setId("technical-failures-view");
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());
        Map<Long, String> campaignNames = campaigns.summaries().stream()
                .collect(Collectors.toMap(CampaignSummary::id, CampaignSummary::name, (a, b) -> a));
        grid.setId("technical-failures-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(f -> format(when, f.failedAt())).setHeader(getTranslation("technical.failedAt"))
                .setKey("failedAt").setAutoWidth(true);
        grid.addColumn(f -> getTranslation("technical.kind." + f.kind().code()))
                .setHeader(getTranslation("technical.reason")).setKey("kind").setAutoWidth(true);
        grid.addColumn(f -> f.campaignId() == null ? "" : campaignNames.getOrDefault(f.campaignId(),
                        "#" + f.campaignId())).setHeader(getTranslation("technical.campaign")).setKey("campaign");
        grid.addColumn(TechnicalFailure::contactId).setHeader(getTranslation("technical.contact")).setKey("contact");
        grid.addColumn(f -> f.agentId() == null ? "" : agentNames.computeIfAbsent(f.agentId(),
                        id -> users.findById(id).map(UserAccount::displayName).orElse("#" + id)))
                .setHeader(getTranslation("technical.agent")).setKey("agent");
        grid.addColumn(TechnicalFailure::attempt).setHeader(getTranslation("technical.attempt")).setKey("attempt");
        grid.addColumn(TechnicalFailure::reason).setHeader(getTranslation("technical.detail")).setKey("detail")
                .setFlexGrow(3);
        grid.addColumn(TechnicalFailure::callId).setHeader(getTranslation("technical.callId")).setKey("callId")
                .setAutoWidth(true);
        grid.setItems(query -> failures.latest(query.getOffset(), query.getLimit()).stream());
        add(new H2(getTranslation("technical.title")), new Paragraph(getTranslation("technical.explanation")), grid);
        setSizeFull();
    }

    private static String format(DateTimeFormatter formatter, Instant at) {
        return at == null ? "" : formatter.format(at);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("technical.title") + " · EVSCallPro";
    }
}
