/** Call detail records ({@code call_history}): Asterisk CDR fields plus campaign, contact, agent and qualification. */
package com.evscallpro.db.cdr;
