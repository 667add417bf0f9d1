package com.evscallpro.core.campaign;

/**
 * What a campaign does when Asterisk's answering-machine detection says a machine answered (V30
 * {@code campaign.amd_mode}): {@link #OFF} no detection; {@link #HANGUP} hang up; {@link #MESSAGE} leave the
 * campaign's message (best effort) then hang up; {@link #AGENT} pass the call to an agent as a live one.
 */
public enum AmdMode { OFF, HANGUP, MESSAGE, AGENT }
