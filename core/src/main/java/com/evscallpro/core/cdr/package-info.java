/** Call detail records: one row per call with Asterisk's CDR fields plus campaign, contact, agent and outcome. */
package com.evscallpro.core.cdr;
