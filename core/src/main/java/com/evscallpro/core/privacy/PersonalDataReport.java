package com.evscallpro.core.privacy;

import java.util.Map;
import java.util.List;

/** Everything found about a number: the records of each store, by store name. */
public record PersonalDataReport(String phone, Map<String, List<Map<String, Object>>> records) {

    public int total() {
        return records.values().stream().mapToInt(List::size).sum();
    }
}
