package com.evscallpro.core.queue;

/** How a queue picks among the eligible READY agents. */
public enum QueueStrategy {
    /** The agent who has been READY the longest. */
    LONGEST_IDLE,
    /** The highest level in the queue's required skill first, then the longest READY. */
    SKILL_LEVEL
}
