package com.evscallpro.core.task;

import com.evscallpro.core.qualification.Qualification;
import java.time.Instant;
import java.util.List;

/** The wrap-up of one connected call, assigned to one agent. */
public record WrapUpTask(String callId, long agentId, long campaignId, String campaignName, ScreenPop contact,
                         List<Qualification> qualifications, Instant createdAt) {
}
