/**
 * Calls the agent places: manual dialling of a typed number and click-to-call of a contact. The number is vetted by
 * the calling rules, the agent's phone (the session's) is rung first and the customer once it answered; the call then
 * runs like a dialer call (tracker, process, wrap-up, call history).
 */
package com.evscallpro.core.manualdial;
