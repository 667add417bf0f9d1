package com.evscallpro.core.script;

import com.evscallpro.core.error.EvsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data that prefills a script in the agent's screen-pop, as form-js reads it: a field whose key is
 * {@code contact.firstName} starts with the contact's first name, and a text can say {@code {{contact.firstName}}}.
 * Keys: {@code contact.firstName}, {@code contact.lastName}, {@code contact.phone} (E.164), {@code contact.id},
 * {@code contact.custom.<key>} (the contact's custom fields, by their import key), {@code campaign.name},
 * {@code call.attempt}.
 */
public final class ScriptData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScriptData() {
    }

    /**
     * The answers as JSON, refused with {@code script.answers-too-large} beyond
     * {@link ScriptService#MAX_ANSWER_BYTES} (the agent's browser or an API client may send anything).
     */
    public static String answersJson(Map<String, Object> answers) {
        String text;
        try {
            text = JSON.writeValueAsString(answers == null ? Map.of() : answers);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Script answers are not JSON", e);
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > ScriptService.MAX_ANSWER_BYTES) {
            throw new EvsException("script.answers-too-large", bytes / 1024, ScriptService.MAX_ANSWER_BYTES / 1024);
        }
        return text;
    }

    public static Map<String, Object> prefill(long contactId, String firstName, String lastName, String phone,
                                              Map<String, String> customFields, String campaignName, int attempt) {
        Map<String, Object> contact = new LinkedHashMap<>();
        putIfPresent(contact, "id", contactId == 0 ? null : contactId);
        putIfPresent(contact, "firstName", firstName);
        putIfPresent(contact, "lastName", lastName);
        putIfPresent(contact, "phone", phone);
        contact.put("custom", customFields == null ? Map.of() : new LinkedHashMap<>(customFields));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("contact", contact);
        Map<String, Object> campaign = new LinkedHashMap<>();
        putIfPresent(campaign, "name", campaignName);
        data.put("campaign", campaign);
        data.put("call", Map.of("attempt", attempt));
        return data;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
