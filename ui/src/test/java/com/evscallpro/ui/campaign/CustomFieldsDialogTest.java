package com.evscallpro.ui.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.evscallpro.core.agentdesk.CustomFieldLabels;
import com.evscallpro.core.agentdesk.CustomFieldLabels.FieldLabel;
import com.evscallpro.core.campaign.CampaignVersionGuard;
import com.evscallpro.ui.FakeVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CustomFieldsDialogTest {

    private final FakeVaadin vaadin = new FakeVaadin(Locale.ENGLISH);
    private final CustomFieldLabels labels = mock(CustomFieldLabels.class);
    private final CampaignVersionGuard guard = mock(CampaignVersionGuard.class);

    @AfterEach
    void tearDown() {
        vaadin.close();
    }

    private CustomFieldsDialog dialog() {
        when(labels.of(5)).thenReturn(List.of(new FieldLabel("contrat", "N° de contrat", "Contract number", 1)));
        when(labels.keysInUse(5)).thenReturn(List.of("contrat", "date_naissance"));
        when(guard.version(5)).thenReturn(7); // the version it opens at, which it saves from
        when(guard.change(eq(5L), eq(7), any())).thenAnswer(i -> i.<java.util.function.Supplier<?>>getArgument(2).get());
        CustomFieldsDialog d = new CustomFieldsDialog(labels, guard, 5, "Auto");
        vaadin.ui().add(d);
        return d;
    }

    @Test
    void opens_with_the_defined_labels_then_the_contacts_keys_humanised_and_saves_them_in_order() {
        CustomFieldsDialog d = dialog();
        List<List<TextField>> rows = rows(d);
        assertThat(rows).hasSize(2);
        assertThat(values(rows.get(0))).containsExactly("contrat", "N° de contrat", "Contract number");
        assertThat(values(rows.get(1))).containsExactly("date_naissance", "Date naissance", "Date naissance");
        rows.get(1).get(2).setValue("Date of birth");
        d.save(); // the footer's save button
        verify(labels).define(5, List.of(new FieldLabel("contrat", "N° de contrat", "Contract number", 1),
                new FieldLabel("date_naissance", "Date naissance", "Date of birth", 2)));
    }

    @Test
    void a_key_without_label_or_given_twice_is_refused_with_a_readable_error() {
        CustomFieldsDialog d = dialog();
        List<List<TextField>> rows = rows(d);
        rows.get(1).get(1).setValue("");
        rows.get(1).get(2).setValue(" ");
        d.save(); // the footer's save button
        assertThat(find(d, "custom-fields-error", HasText.class).getText()).isEqualTo("Field date_naissance has no label.");
        rows.get(1).get(0).setValue("contrat");
        rows.get(1).get(1).setValue("Autre");
        d.save(); // the footer's save button
        assertThat(find(d, "custom-fields-error", HasText.class).getText()).isEqualTo("Field contrat is given twice.");
        verify(labels, never()).define(anyLong(), anyList());
    }

    private static List<List<TextField>> rows(CustomFieldsDialog d) {
        return descendants(d).filter(c -> c instanceof com.vaadin.flow.component.HasStyle h
                        && h.hasClassName("custom-field-row"))
                .map(r -> r.getChildren().filter(TextField.class::isInstance).map(TextField.class::cast).toList())
                .toList();
    }

    private static List<String> values(List<TextField> row) {
        return row.stream().map(TextField::getValue).toList();
    }

    private static <T> T find(Component root, String id, Class<T> type) {
        return type.cast(descendants(root).filter(c -> id.equals(c.getId().orElse(null))).findFirst().orElseThrow());
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(CustomFieldsDialogTest::descendants));
    }
}
