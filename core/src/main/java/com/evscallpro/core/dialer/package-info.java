/**
 * The dialer: decides when to dial. Progressive pacing for now: one call per READY agent, the agent reserved before
 * the customer is dialled, so that an answered customer is bridged at once by the PBX (the 2-second rule).
 */
package com.evscallpro.core.dialer;
