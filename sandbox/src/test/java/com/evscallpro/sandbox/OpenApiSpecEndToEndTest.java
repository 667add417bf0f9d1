package com.evscallpro.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The API contract under version control: the OpenAPI document the running application serves at
 * {@code /api/docs/openapi} (generated from the code by springdoc) must equal the committed {@code docs/openapi.json};
 * a difference fails with a readable diff, so a change of the API is a reviewed change of that file. Regenerate it
 * (docs/api.md, "The committed OpenAPI document"):
 * {@code ./mvnw -B -q -pl sandbox -am test -Dtest=OpenApiSpecEndToEndTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Devs.openapi.update=true}.
 */
class OpenApiSpecEndToEndTest {

    /** The committed document, from the sandbox module's directory (where Maven runs its tests). */
    static final Path COMMITTED = Path.of("..", "docs", "openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).enable(SerializationFeature.INDENT_OUTPUT);

    private final SandboxTestContext stack = SandboxTestContext.get();
    private final ApiClient api = new ApiClient(stack);

    @Test
    void the_served_openapi_document_is_the_committed_one() throws Exception {
        ApiClient.Response doc = api.get("/api/docs/openapi", null);
        assertThat(doc.status()).isEqualTo(200);
        String served = normalised(doc.json());
        if (Boolean.getBoolean("evs.openapi.update")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
            return;
        }
        assertThat(Files.exists(COMMITTED)).as("%s is missing: generate it with -Devs.openapi.update=true",
                COMMITTED.toAbsolutePath().normalize()).isTrue();
        String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
        if (!committed.equals(served)) {
            throw new AssertionError("The API no longer matches docs/openapi.json (- committed, + served). If the "
                    + "change is meant, regenerate it: ./mvnw -B -q -pl sandbox -am test -Dtest=OpenApiSpecEndToEndTest"
                    + " -Dsurefire.failIfNoSpecifiedTests=false -Devs.openapi.update=true\n"
                    + diff(committed.lines().toList(), served.lines().toList()));
        }
    }

    /**
     * The document with keys sorted and what varies between runs removed: the servers (the random port) and the order
     * of the tags (the order in which controllers were found).
     */
    static String normalised(JsonNode doc) throws Exception {
        ObjectNode copy = (ObjectNode) doc.deepCopy();
        copy.remove("servers");
        if (copy.get("tags") instanceof ArrayNode tags) {
            List<JsonNode> sorted = new ArrayList<>();
            tags.forEach(sorted::add);
            sorted.sort(Comparator.comparing((JsonNode t) -> t.path("name").asText())
                    .thenComparing(t -> t.path("description").asText()));
            tags.removeAll();
            tags.addAll(sorted);
        }
        Object tree = JSON.treeToValue(copy, Object.class); // maps: sorted by key when written
        return JSON.writeValueAsString(tree) + "\n";
    }

    /**
     * The lines that differ between the common start and the common end, with three lines of context and line
     * numbers: enough to see which path, parameter or schema changed.
     */
    static String diff(List<String> before, List<String> after) {
        int start = 0;
        while (start < before.size() && start < after.size() && before.get(start).equals(after.get(start))) {
            start++;
        }
        int endBefore = before.size();
        int endAfter = after.size();
        while (endBefore > start && endAfter > start && before.get(endBefore - 1).equals(after.get(endAfter - 1))) {
            endBefore--;
            endAfter--;
        }
        StringBuilder out = new StringBuilder("@@ line " + (start + 1) + " @@\n");
        for (int i = Math.max(0, start - 3); i < start; i++) {
            out.append("  ").append(before.get(i)).append('\n');
        }
        appendCapped(out, "- ", before.subList(start, endBefore));
        appendCapped(out, "+ ", after.subList(start, endAfter));
        for (int i = endBefore; i < Math.min(before.size(), endBefore + 3); i++) {
            out.append("  ").append(before.get(i)).append('\n');
        }
        return out.toString();
    }

    private static void appendCapped(StringBuilder out, String mark, List<String> lines) {
        int max = 80;
        lines.stream().limit(max).forEach(l -> out.append(mark).append(l).append('\n'));
        if (lines.size() > max) {
            out.append(mark).append("... ").append(lines.size() - max).append(" more lines\n");
        }
    }
}
