/**
 * Applying configuration to an Asterisk: {@link com.evscallpro.telephony.asterisk.config.AmiReloader} asks it to
 * reload a module over a short-lived AMI connection of its own (never the call-handling one).
 */
package com.evscallpro.telephony.asterisk.config;
