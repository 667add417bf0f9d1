package com.evscallpro.workers;

import java.util.Map;

/** Reading numbers from a job's variables (the engine gives JSON numbers as Integer or Long). */
public final class JobVariables {

    private JobVariables() {
    }

    public static long number(Map<String, Object> variables, String name) {
        if (!(variables.get(name) instanceof Number n)) {
            throw new IllegalArgumentException("Variable " + name + " is missing or not a number: "
                    + variables.get(name));
        }
        return n.longValue();
    }

    public static long numberOr(Map<String, Object> variables, String name, long fallback) {
        return variables.get(name) instanceof Number n ? n.longValue() : fallback;
    }

    public static Long numberOrNull(Map<String, Object> variables, String name) {
        return variables.get(name) instanceof Number n ? n.longValue() : null;
    }
}
