/**
 * {@code /api/v1/agent}: what the signed-in agent does with their own session: ready, pause with a reason, qualify
 * the current call, and the presence ping of an API client.
 */
package com.evscallpro.api.agent;
