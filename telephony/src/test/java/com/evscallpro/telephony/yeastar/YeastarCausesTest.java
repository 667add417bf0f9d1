package com.evscallpro.telephony.yeastar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.evscallpro.telephony.CallOutcome;

class YeastarCausesTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "486 Busy here|BUSY|17",
            "User Busy|BUSY|17",
            "DND|BUSY|17",
            "480 Temporatily Unavailable|NO_ANSWER|19",
            "408 Request Time|NO_ANSWER|18",
            "603 Declined|NO_ANSWER|19",
            "404 NOT found|FAILED|1",
            "410 Gone|FAILED|22",
            "484 Address incomplete|FAILED|28",
            "Circuit/channel congestion|CONGESTION|34",
            "Line Unreachable|CONGESTION|38",
            "NO Dial Permission|FAILED|52",
            "NO Outbound Restrictin|FAILED|52",
            "something new|FAILED|0"})
    void call_failed_reasons_map_to_our_outcome_and_a_Q850_cause(String reason, CallOutcome outcome, int cause) {
        YeastarCauses.Failure f = YeastarCauses.ofReason(reason);
        assertThat(f.outcome()).isEqualTo(outcome);
        assertThat(f.q850()).isEqualTo(cause);
        assertThat(f.reason()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "CDR {0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {"NO ANSWER|NO_ANSWER|19", "BUSY|BUSY|17", "VOICEMAIL|NO_ANSWER|19",
            "FAILED|FAILED|0"})
    void call_end_statuses_of_unanswered_calls_map_to_our_outcome(String status, CallOutcome outcome, int cause) {
        assertThat(YeastarCauses.ofCdrStatus(status).outcome()).isEqualTo(outcome);
        assertThat(YeastarCauses.ofCdrStatus(status).q850()).isEqualTo(cause);
    }

    @ParameterizedTest
    @CsvSource({"ANSWERED", "ANSWERD", "answered"})
    void both_spellings_of_answered_in_the_docs_count_as_answered(String status) {
        assertThat(YeastarCauses.isAnsweredCdr(status)).isTrue();
    }
}
