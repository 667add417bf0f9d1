package com.evscallpro.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The HTTP status an error code maps to (docs/api.md's table). */
class ApiExceptionHandlerStatusTest {

    @Test
    void unknown_ids_are_404_in_both_spellings_and_the_other_families_keep_theirs() {
        assertThat(ApiExceptionHandler.statusOf("campaign.not-found")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ApiExceptionHandler.statusOf("pbx.trunk-not-found")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ApiExceptionHandler.statusOf("flow.version-not-found")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ApiExceptionHandler.statusOf("campaign.version-mismatch")).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(ApiExceptionHandler.statusOf("campaign.name-taken")).isEqualTo(HttpStatus.CONFLICT);
        assertThat(ApiExceptionHandler.statusOf("manualdial.cannot-call-for-campaign")).isEqualTo(HttpStatus.CONFLICT);
        assertThat(ApiExceptionHandler.statusOf("auth.bad-credentials")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(ApiExceptionHandler.statusOf("recording.storage-unavailable"))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(ApiExceptionHandler.statusOf("agent.unknown-pause-reason")).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ApiExceptionHandler.statusOf("user.not-found-anywhere")).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
