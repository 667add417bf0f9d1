/**
 * The agent's own controls over the call they are on: hang up, hold / resume, mute, DTMF, blind and attended
 * transfers (to an agent, a queue or a number), and a callback scheduled from the call. Owns the per-call control
 * state (held, muted, consultation in progress) and hands a transferred call's agent session and wrap-up over.
 */
package com.evscallpro.core.callcontrol;
