/**
 * The dialer: decides when to dial. Progressive (one call per READY agent, reserved before the customer is dialled,
 * bridged by the PBX at answer), and the pacing of the predictive mode ({@link com.evscallpro.core.dialer.PredictivePacer}).
 * Agents take only their campaigns (agent groups); every claimed contact passes the calling rules first. See
 * docs/dialer.md.
 */
package com.evscallpro.core.dialer;
