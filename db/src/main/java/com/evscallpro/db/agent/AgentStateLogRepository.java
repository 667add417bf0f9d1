package com.evscallpro.db.agent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface AgentStateLogRepository extends ListCrudRepository<AgentStateLogEntry, Long> {

    /** The latest entry of a user ({@code agent_state_log_user_at_idx}). */
    @Query("SELECT * FROM agent_state_log WHERE user_id = :userId ORDER BY at DESC, id DESC LIMIT 1")
    Optional<AgentStateLogEntry> findLast(long userId);

    /** A user's entries in [from, to), oldest first. */
    @Query("""
            SELECT * FROM agent_state_log WHERE user_id = :userId AND at >= :from AND at < :to
            ORDER BY at, id
            """)
    List<AgentStateLogEntry> findBetween(long userId, Instant from, Instant to);
}
