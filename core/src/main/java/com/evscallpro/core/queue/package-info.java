/**
 * Inbound queues and our own ACD. {@code QueueAdmin}: one queue per agent group (strategy, priority, required skill,
 * music on hold, announcements, maximum wait, ring timeout, service-level threshold, wrap-up), audited and versioned.
 * {@code InboundQueues}: the ACD itself, in memory and in Java (no engine on the critical path): callers wait, READY
 * agents are picked by strategy and queue priority, reserved, and connected through the {@code InboundCallConnector}
 * port that the IVR runtime implements; it also tells the dialer which agents inbound callers need (blending) and
 * publishes {@code QueuesChanged} (coalesced) for supervision and wallboards. See docs/queues.md.
 */
package com.evscallpro.core.queue;
