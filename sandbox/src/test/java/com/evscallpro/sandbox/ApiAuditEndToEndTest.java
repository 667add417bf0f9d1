package com.evscallpro.sandbox;

import static com.evscallpro.sandbox.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.evscallpro.core.audit.AuditEntry;
import com.evscallpro.core.audit.AuditFilter;
import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.user.UserAccount;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A change made through the API is in the audit log under the token's user, with the client's address. */
class ApiAuditEndToEndTest {

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);

    @Test
    void a_campaign_created_through_the_api_is_audited_under_the_tokens_user() {
        UserAccount admin = ApiClient.user(stack, "api-auditor", UserAccount.Role.ADMIN, null);
        String token = api.accessToken("api-auditor", "api-auditor-pw");
        ApiClient.Response created = api.post("/api/v1/campaigns", token, map("name", "Audited through the API"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().at("/summary/id").asLong();

        List<AuditEntry> entries = stack.bean(AuditTrail.class)
                .search(new AuditFilter("api-auditor", "campaign", null, null), 0, 10);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("create");
            assertThat(e.entityId()).isEqualTo(String.valueOf(id));
            assertThat(e.actorId()).isEqualTo(admin.id());
            assertThat(e.source()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            assertThat(e.after()).contains("Audited through the API");
        });
    }
}
