package com.evscallpro.core.contact;

import java.util.Map;

/** One contact to import, as given (the phone number is not yet validated). */
public record ContactInput(String firstName, String lastName, String phone, Map<String, String> customFields) {
}
