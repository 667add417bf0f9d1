/**
 * Live wallboards (issue 11, item 3): one aggregator ({@code WallboardModel}, driven by {@link Wallboards}) fed by the
 * event bus (agent states, outbound calls, queue figures) and seeded at start from {@code call_history},
 * {@code agent_state_log} and {@code queue_call}, computes every campaign's and queue's figures once (calls waiting,
 * longest wait, service level, abandon rate this hour and today, occupancy, calls per hour, agents by state) and
 * publishes them as {@link WallboardChanged}; per-figure thresholds ({@link Threshold}) colour them and raise
 * {@link WallboardAlert}s. Owns {@code wallboard_board} and {@code wallboard_threshold}. See docs/wallboards.md.
 */
package com.evscallpro.core.wallboard;
