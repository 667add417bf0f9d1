package com.evscallpro.ui;

import com.evscallpro.core.agent.PauseReasonCatalog;
import com.evscallpro.core.agent.PauseReasonChoice;
import com.evscallpro.ui.i18n.PauseReasons;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The pause reasons admins would have set up (the V15 defaults), in memory, for view tests. */
public final class FakePauseReasons implements PauseReasonCatalog {

    private final List<PauseReasonChoice> reasons = new CopyOnWriteArrayList<>(List.of(
            new PauseReasonChoice("break", "Pause", "Break", 1, true),
            new PauseReasonChoice("lunch", "Déjeuner", "Lunch", 2, true)));

    private final java.util.Map<String, Integer> versions = new java.util.concurrent.ConcurrentHashMap<>();

    public static PauseReasons labels() {
        return new PauseReasons(new FakePauseReasons());
    }

    @Override
    public List<PauseReasonChoice> all() {
        return List.copyOf(reasons);
    }

    @Override
    public List<PauseReasonChoice> page(String text, String sort, boolean descending, int offset, int limit) {
        return reasons.stream().filter(r -> text == null || r.code().contains(text)).skip(offset).limit(limit)
                .toList();
    }

    @Override
    public long count(String text) {
        return reasons.stream().filter(r -> text == null || r.code().contains(text)).count();
    }

    @Override
    public List<PauseReasonChoice> choices() {
        return reasons.stream().filter(PauseReasonChoice::active).toList();
    }

    @Override
    public Optional<PauseReasonChoice> find(String code) {
        return reasons.stream().filter(r -> r.code().equalsIgnoreCase(code)).findFirst();
    }

    @Override
    public void save(PauseReasonChoice reason) {
        save(reason, null);
    }

    @Override
    public void save(PauseReasonChoice reason, Integer expectedVersion) {
        reasons.removeIf(r -> r.code().equals(reason.code()));
        reasons.add(reason);
        versions.merge(reason.code(), 1, Integer::sum);
    }

    @Override
    public int version(String code) {
        return versions.getOrDefault(code, 0);
    }
}
