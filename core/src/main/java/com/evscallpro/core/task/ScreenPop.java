package com.evscallpro.core.task;

import java.util.Map;

/** What the agent sees of the customer when the call connects. */
public record ScreenPop(long contactId, String firstName, String lastName, String phone,
                        Map<String, String> customFields, int attempt) {
}
