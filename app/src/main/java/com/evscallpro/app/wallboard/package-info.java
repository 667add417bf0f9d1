/**
 * STOMP over WebSocket at {@code /ws} for external wallboards: {@code /topic/agentStatusUpdate},
 * {@code /topic/newCall}, {@code /topic/callHangup}, fed from the in-process event bus. A signed-in agent's STOMP
 * session counts as one of the agent's clients for the agent presence ({@code StompAgentPresence}).
 */
package com.evscallpro.app.wallboard;
