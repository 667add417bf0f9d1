/**
 * The dialer: decides when to dial. Preview, progressive (one call per READY agent, reserved before the customer is
 * dialled, bridged by the PBX at answer) and predictive ({@link com.evscallpro.core.dialer.PredictiveDialer}: agents
 * nailed up, lines paced by {@link com.evscallpro.core.dialer.PredictivePacer}, the agent chosen at answer and bridged
 * by AMI, the abandon message after 2 s; AMD's MACHINE verdicts counted as abandons at the campaign's measured
 * false-positive rate, in the pacer and, through {@link com.evscallpro.core.dialer.AmdFalsePositiveRecorder}, in the
 * call history). Agents take only their campaigns (agent groups); every claimed contact
 * passes the calling rules first. See docs/dialer.md.
 */
package com.evscallpro.core.dialer;
