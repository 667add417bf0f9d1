package com.evscallpro.core.campaign;

/**
 * How a campaign dials (V30 {@code campaign.dialing_mode}).
 * <ul>
 *   <li>{@link #PREVIEW}: the agent sees the contact first and calls or skips it, within the preview time limit;</li>
 *   <li>{@link #PROGRESSIVE}: one line per ready agent, Asterisk dials the reserved agent once the customer answers;</li>
 *   <li>{@link #PREDICTIVE}: several lines per agent, paced from the live answer rate so that abandons stay under
 *   the campaign's set-point; the agent is chosen at answer time (Asterisk sites only).</li>
 * </ul>
 */
public enum DialingMode { PREVIEW, PROGRESSIVE, PREDICTIVE }
