package com.evscallpro.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared lint fixtures ({@code lint-fixtures/index.json}): {@link FlowLint} finds exactly what each fixture
 * lists. The flow editor's bpmnlint plugin is held to the same list in the browser ({@code FlowLintBrowserTest}),
 * so the live check while editing and the check before a publish agree.
 */
class FlowLintFixturesTest {

    static Stream<Arguments> fixtures() throws IOException {
        JsonNode index = new ObjectMapper().readTree(read("lint-fixtures/index.json"));
        List<Arguments> all = new ArrayList<>();
        index.get("fixtures").forEach(f -> {
            List<String> expected = new ArrayList<>();
            f.get("problems").forEach(p -> expected.add(p.asText()));
            all.add(Arguments.of(f.get("file").asText(), FlowKind.valueOf(f.get("kind").asText()), expected));
        });
        assertThat(all).hasSizeGreaterThanOrEqualTo(10);
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void flow_lint_finds_what_the_fixture_lists(String file, FlowKind kind, List<String> expected) throws IOException {
        List<String> found = FlowLint.check(kind, read("lint-fixtures/" + file)).stream()
                .map(p -> p.elementId() + ":" + p.code() + (p.args().isEmpty() ? "" : p.args().toString()))
                .toList();
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = FlowLintFixturesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
