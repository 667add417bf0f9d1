package com.evscallpro.workers.ivr;

import com.evscallpro.telephony.agi.AgiChannel;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.Map;

/** One job of a block for one call: typed inputs, the outputs to complete with, and what the journey records. */
final class IvrStep {

    final IvrCall call;
    final ActivatedJob job;
    private final Map<String, Object> in;
    final Map<String, Object> out = new HashMap<>();
    final StringBuilder digits = new StringBuilder();
    String outcome;
    String detail;

    IvrStep(IvrCall call, ActivatedJob job, Map<String, Object> variables) {
        this.call = call;
        this.job = job;
        this.in = variables;
    }

    AgiChannel channel() {
        return call.channel;
    }

    Object raw(String name) {
        return in.get(name);
    }

    /** A text input, blank = absent. */
    String text(String name, String fallback) {
        Object v = in.get(name);
        String s = v == null ? null : v.toString().strip();
        return s == null || s.isEmpty() ? fallback : s;
    }

    /** A required text input; a missing one is a mistake in the flow (technical: the safe path). */
    String required(String name) {
        String s = text(name, null);
        if (s == null) {
            throw new IllegalArgumentException("input '" + name + "' is required");
        }
        return s;
    }

    int integer(String name, int fallback, int min, int max) {
        Object v = in.get(name);
        int n;
        if (v instanceof Number number) {
            n = number.intValue();
        } else if (v != null && !v.toString().isBlank()) {
            try {
                n = Integer.parseInt(v.toString().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("input '" + name + "' is not a number: " + v);
            }
        } else {
            n = fallback;
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException("input '" + name + "' must be between " + min + " and " + max);
        }
        return n;
    }

    boolean flag(String name, boolean fallback) {
        Object v = in.get(name);
        return v == null || v.toString().isBlank() ? fallback : Boolean.parseBoolean(v.toString().strip());
    }

    void output(String name, Object value) {
        out.put(name, value);
    }

    void pressed(String typed) {
        if (typed != null) {
            digits.append(typed);
        }
    }
}
