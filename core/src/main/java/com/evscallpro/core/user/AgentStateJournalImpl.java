package com.evscallpro.core.user;

import com.evscallpro.db.agent.AgentStateLogEntry;
import com.evscallpro.db.agent.AgentStateLogRepository;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class AgentStateJournalImpl implements AgentStateJournal {

    private final AgentStateLogRepository entries;

    AgentStateJournalImpl(AgentStateLogRepository entries) {
        this.entries = entries;
    }

    @Override
    public void append(long userId, String state, String pauseReason, String callId, Instant at) {
        Objects.requireNonNull(state, "state");
        entries.save(new AgentStateLogEntry(null, userId, state, pauseReason, callId, at == null ? Instant.now() : at));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<JournalEntry> last(long userId) {
        return entries.findLast(userId)
                .map(e -> new JournalEntry(e.userId(), e.state(), e.pauseReason(), e.callId(), e.at()));
    }
}
