/**
 * What the agent's workspace shows beside the call (issue 11, item 1): the labels of a campaign's custom contact
 * fields ({@code campaign_custom_field}), the contact's previous calls and pending callback (from
 * {@code call_history} and {@code contact}), and the agent's own figures of the day (from {@code call_history} and
 * {@code agent_state_log}, with the definitions of the reports).
 */
package com.evscallpro.core.agentdesk;
