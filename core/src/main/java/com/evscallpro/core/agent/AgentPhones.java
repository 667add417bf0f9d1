package com.evscallpro.core.agent;

import java.util.regex.Pattern;

/** The format of a phone (extension) an agent may choose for a session: 2 to 20 digits. */
public final class AgentPhones {

    private static final Pattern EXTENSION = Pattern.compile("[0-9]{2,20}");

    private AgentPhones() {
    }

    public static boolean valid(String extension) {
        return extension != null && EXTENSION.matcher(extension).matches();
    }
}
