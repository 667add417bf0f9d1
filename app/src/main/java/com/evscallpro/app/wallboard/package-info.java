/**
 * STOMP over WebSocket at {@code /ws} for external wallboards: {@code /topic/agentStatusUpdate},
 * {@code /topic/newCall}, {@code /topic/callHangup}, fed from the in-process event bus.
 */
package com.evscallpro.app.wallboard;
