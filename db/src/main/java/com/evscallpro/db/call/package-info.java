/**
 * What the outbound call lifecycle keeps besides the CDR: dial attempts that failed technically
 * ({@code call_technical_failure}).
 */
package com.evscallpro.db.call;
