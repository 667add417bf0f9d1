/**
 * The back office's reference data through the API: plannings, qualification groups, pause reasons (read: ADMIN,
 * SUPERVISOR; change: ADMIN), each with its version as ETag, and the audit log (ADMIN), filtered, paged, exported.
 */
package com.evscallpro.api.backoffice;
