package com.evscallpro.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.error.EvsException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CRM link template: values URL-encoded, only known placeholders, only http(s). */
class CrmLinksTest {

    @Test
    void expansion_encodes_each_value() {
        String t = CrmLinks.validate("https://crm.example.com/contacts?phone={phone}&ref={contactId}&n={lastName}");
        assertThat(CrmLinks.expand(t, Map.of("phone", "+33612345678", "contactId", 42L, "lastName", "Dupont & Fils/é")))
                .isEqualTo("https://crm.example.com/contacts?phone=%2B33612345678&ref=42&n=Dupont%20%26%20Fils%2F%C3%A9");
        assertThat(CrmLinks.expand(t, Map.of())).isEqualTo("https://crm.example.com/contacts?phone=&ref=&n=");
    }

    @Test
    void unknown_placeholder_and_other_schemes_are_refused() {
        assertThatThrownBy(() -> CrmLinks.validate("https://crm.example.com/?p={password}"))
                .isInstanceOf(EvsException.class).hasFieldOrPropertyWithValue("code", "crm-link.unknown-placeholder");
        assertThatThrownBy(() -> CrmLinks.validate("javascript:alert({phone})"))
                .hasFieldOrPropertyWithValue("code", "crm-link.invalid-url");
        assertThatThrownBy(() -> CrmLinks.validate("ftp://crm.example.com/{phone}"))
                .hasFieldOrPropertyWithValue("code", "crm-link.invalid-url");
        assertThatThrownBy(() -> CrmLinks.validate("https://{phone}"))
                .hasFieldOrPropertyWithValue("code", "crm-link.invalid-url");
        assertThat(CrmLinks.validate("http://crm.local:8080/c/{contactId}")).isEqualTo("http://crm.local:8080/c/{contactId}");
    }
}
