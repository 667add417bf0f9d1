package com.evscallpro.core.agent;

/** The states of an agent's session. */
public enum AgentState { OFFLINE, READY, PAUSED, RESERVED, ON_CALL, WRAP_UP }
