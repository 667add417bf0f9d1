/**
 * What the outbound call lifecycle keeps besides the CDR: dial attempts that failed technically
 * ({@code call_technical_failure}) and the campaign's wrap-up policy ({@code campaign.wrap_up_timeout_*}).
 */
package com.evscallpro.db.call;
