/** The agents' state journal ({@code agent_state_log}): every state change with its time, pause reason and call. */
package com.evscallpro.db.agent;
