package com.evscallpro.ui.pbxconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.pbxconfig.ApplyResult;
import com.evscallpro.core.pbxconfig.AsteriskConfigApplier;
import com.evscallpro.core.pbxconfig.ConfigDiff;
import com.evscallpro.core.pbxconfig.Did;
import com.evscallpro.core.pbxconfig.DidDefinition;
import com.evscallpro.core.pbxconfig.DidTargetType;
import com.evscallpro.core.pbxconfig.PbxConfigPages;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.PbxConfigValidationException;
import com.evscallpro.core.pbxconfig.PbxConfigValidationException.FieldError;
import com.evscallpro.core.pbxconfig.Trunk;
import com.evscallpro.core.pbxconfig.TrunkDefinition;
import com.evscallpro.core.pbxconfig.TrunkTransport;
import com.evscallpro.ui.FakeVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PbxConfigViewTest {

    private final FakeVaadin vaadin = new FakeVaadin(Locale.ENGLISH);
    private final PbxConfigService service = mock(PbxConfigService.class);
    private final AsteriskConfigApplier applier = mock(AsteriskConfigApplier.class);
    private final PbxConfigPages pages = mock(PbxConfigPages.class);
    /** Opened at version 3 (the trunk) and 5 (the DID): the version an edit or a delete must carry. */
    private final Trunk orange = new Trunk(1, "orange", "sip.orange.example", 5060, TrunkTransport.UDP, "user",
            true, null, null, List.of("alaw", "ulaw"), true, null, 30, true, 0, 3);
    private final Did support = new Did(7, "+33123456789", 1, "orange", "Support", DidTargetType.IVR, "ivr", true,
            null, 5);

    @AfterEach
    void tearDown() {
        vaadin.close();
    }

    private PbxConfigView view() {
        when(service.trunks()).thenReturn(List.of(orange));
        when(service.dids()).thenReturn(List.of(support));
        when(pages.trunks(any(), any(), any(), anyBoolean(), anyInt(), anyInt())).thenReturn(List.of(orange));
        when(pages.trunkCount(any(), any())).thenReturn(1L);
        when(pages.dids(any(), any(), any(), anyBoolean(), anyInt(), anyInt())).thenReturn(List.of(support));
        when(pages.didCount(any(), any())).thenReturn(1L);
        when(applier.configDir()).thenReturn(Path.of("/etc/asterisk"));
        PbxConfigView view = new PbxConfigView(service, pages, applier);
        vaadin.ui().add(view);
        return view;
    }

    private static <T> List<T> items(com.vaadin.flow.component.grid.Grid<T> grid) {
        @SuppressWarnings("unchecked")
        DataProvider<T, Object> provider = (DataProvider<T, Object>) grid.getDataProvider();
        return provider.fetch(new Query<>()).toList();
    }

    /** The UI's children once the pending before-response tasks ran (an opened Notification attaches itself there). */
    private Stream<Component> uiChildren() {
        vaadin.ui().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return vaadin.ui().getChildren();
    }

    /** A component and everything under it (a notification opened over a modal dialog is attached to the dialog). */
    private static Stream<Component> tree(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(PbxConfigViewTest::tree));
    }

    private List<String> notifications(NotificationVariant variant) {
        return uiChildren().flatMap(PbxConfigViewTest::tree).filter(Notification.class::isInstance)
                .map(Notification.class::cast)
                .filter(n -> n.hasThemeName(variant.getVariantName()))
                .map(n -> n.getElement().getProperty("text")).toList();
    }

    @Test
    void the_route_is_admin_pbx_for_admins_only() {
        assertThat(PbxConfigView.class.getAnnotation(Route.class).value()).isEqualTo("admin/pbx");
        assertThat(PbxConfigView.class.getAnnotation(RolesAllowed.class).value()).containsExactly("ADMIN");
    }

    @Test
    void the_grids_list_the_trunks_and_dids_with_their_ids() {
        PbxConfigView view = view();

        assertThat(view.trunks.getId()).contains("trunks-grid");
        assertThat(view.dids.getId()).contains("dids-grid");
        assertThat(items(view.trunks)).containsExactly(orange);
        assertThat(items(view.dids)).containsExactly(support);
        assertThat(view.trunks.getColumnByKey("codecs")).isNotNull();
        assertThat(view.preview.getId()).contains("preview-config");
        assertThat(view.apply.getId()).contains("apply-config");
    }

    @Test
    void preview_shows_the_dry_run_diff_in_a_monospace_dialog() {
        PbxConfigView view = view();
        String diffText = "--- /etc/asterisk/pjsip_evscallpro.conf\n+++ x\n@@ -0,0 +1 @@\n+[orange]\n";
        when(applier.dryRun()).thenReturn(new ConfigDiff(List.of(new ConfigDiff.FileDiff("pjsip_evscallpro.conf",
                Path.of("/etc/asterisk/pjsip_evscallpro.conf"), false, diffText))));

        Dialog dialog = view.preview();

        Pre diff = (Pre) dialog.getChildren().filter(c -> c.getId().orElse("").equals("config-diff")).findFirst()
                .orElseThrow();
        assertThat(diff.getText()).isEqualTo(diffText);
        assertThat(diff.getStyle().get("font-family")).contains("monospace");
        assertThat(diff.getElement().getAttribute("data-changed")).isEqualTo("true");
    }

    @Test
    void a_refused_preview_is_an_error_notification() {
        PbxConfigView view = view();
        when(applier.dryRun()).thenThrow(new PbxConfigValidationException(List.of(new FieldError("host",
                "pbx.host-invalid", List.of("a b"), new PbxConfigValidationException.Subject(
                        PbxConfigValidationException.Subject.Kind.TRUNK, "x")))));

        assertThat(view.preview()).isNull();
        assertThat(notifications(NotificationVariant.LUMO_ERROR)).singleElement().asString()
                .contains("Could not prepare the changes: Trunk x: a b is not a host name, an IPv4 or an IPv6 address");
    }

    @Test
    void apply_notifies_the_reload_result() {
        PbxConfigView view = view();
        when(applier.apply()).thenReturn(new ApplyResult(List.of("pjsip_evscallpro.conf"), List.of(),
                List.of("res_pjsip.so: Module Reloaded"), null));
        view.applyNow();
        assertThat(notifications(NotificationVariant.LUMO_SUCCESS)).singleElement().asString()
                .isEqualTo("Configuration applied and Asterisk reloaded: 1 file written (pjsip_evscallpro.conf), "
                        + "none unchanged.");

        when(applier.apply()).thenReturn(new ApplyResult(List.of(), List.of("pjsip_evscallpro.conf"), List.of(),
                "res_pjsip.so: Authentication failed"));
        view.applyNow();
        assertThat(notifications(NotificationVariant.LUMO_ERROR)).singleElement().asString()
                .isEqualTo("Configuration written (no file written, 1 unchanged), but Asterisk did not reload: "
                        + ": res_pjsip.so: Authentication failed");
    }

    @Test
    void the_trunk_form_shows_the_services_refusal_under_each_field_and_stays_open() {
        PbxConfigView view = view();
        when(service.updateTrunk(eq(1L), eq(3), any())).thenThrow(new PbxConfigValidationException(List.of(
                new FieldError("host", "pbx.host-invalid", "x y"), new FieldError("port", "pbx.port-range", 0))));
        TrunkForm form = view.editTrunk(orange);
        form.host.setValue("x y");

        form.save();

        assertThat(form.host.isInvalid()).isTrue();
        assertThat(form.host.getErrorMessage()).isEqualTo("x y is not a host name, an IPv4 or an IPv6 address");
        assertThat(form.port.getErrorMessage()).isEqualTo("the port must be between 1 and 65535 (was 0)");
        assertThat(form.name.isInvalid()).isFalse();
        assertThat(form.isOpened()).isTrue();
    }

    @Test
    void editing_a_trunk_without_typing_a_password_keeps_the_stored_one() {
        PbxConfigView view = view();
        TrunkForm form = view.editTrunk(orange);
        form.codecs.setValue("g722, alaw ulaw");

        form.save();

        TrunkDefinition expected = new TrunkDefinition("orange", "sip.orange.example", 5060, TrunkTransport.UDP,
                "user", null, "", "", List.of("g722", "alaw", "ulaw"), true, "", 30, true);
        verify(service).updateTrunk(1L, 3, expected);
        assertThat(form.isOpened()).isFalse();
        assertThat(form.password.getPlaceholder()).isEqualTo("Leave empty to keep the current password");
    }

    @Test
    void a_trunk_or_a_did_another_admin_saved_since_it_was_opened_is_refused_with_a_clear_error() {
        PbxConfigView view = view();
        when(service.updateTrunk(eq(1L), eq(3), any())).thenThrow(
                new EvsException("trunk.version-mismatch", "orange", 3, 4));
        when(service.updateDid(eq(7L), eq(5), any())).thenThrow(
                new EvsException("did.version-mismatch", "+33123456789", 5, 6));
        TrunkForm trunkForm = view.editTrunk(orange);
        trunkForm.host.setValue("sip2.orange.example");
        DidForm didForm = view.editDid(support);
        didForm.label.setValue("Support (new)");

        trunkForm.save();
        didForm.save();

        assertThat(notifications(NotificationVariant.LUMO_ERROR)).containsExactly(
                "Could not save: Trunk orange was changed by someone else meanwhile: reload it and make your change "
                        + "again.",
                "Could not save: DID +33123456789 was changed by someone else meanwhile: reload it and make your "
                        + "change again.");
        assertThat(trunkForm.isOpened()).isTrue();
        assertThat(didForm.isOpened()).isTrue();
        verify(service, never()).updateTrunk(eq(1L), any(TrunkDefinition.class));
    }

    @Test
    void a_new_did_goes_to_the_ivr_of_the_only_trunk_by_default() {
        PbxConfigView view = view();
        DidForm form = view.editDid(null);
        form.number.setValue("01 23 45 67 80");

        form.save();

        verify(service).createDid(new DidDefinition("01 23 45 67 80", 1, "", DidTargetType.IVR, "ivr", true));
    }

    @Test
    void deleting_a_trunk_that_still_has_dids_is_an_error_notification() {
        PbxConfigView view = view();

        view.delete("orange", () -> {
            throw new EvsException("pbx.trunk-has-dids", "orange", 1L);
        });

        assertThat(notifications(NotificationVariant.LUMO_ERROR)).singleElement().asString()
                .isEqualTo("Could not delete orange: trunk orange still has 1 DID: delete them or move them to "
                        + "another trunk first");
        verify(service, never()).deleteTrunk(eq(1L), any());
    }
}
