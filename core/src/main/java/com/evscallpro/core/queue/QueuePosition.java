package com.evscallpro.core.queue;

import java.time.Duration;

/**
 * Where a waiting caller stands, for announcements.
 *
 * @param position     1 for the next caller of this queue
 * @param waited       how long the caller has waited so far
 * @param expectedWait an estimate (null when the queue has answered nobody today: nothing to estimate from)
 */
public record QueuePosition(long queueId, int position, Duration waited, Duration expectedWait) {
}
