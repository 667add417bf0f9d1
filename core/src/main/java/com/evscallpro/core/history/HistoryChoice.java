package com.evscallpro.core.history;

/** A campaign or an agent offered as a filter value: its id and its name. */
public record HistoryChoice(long id, String name) {
}
