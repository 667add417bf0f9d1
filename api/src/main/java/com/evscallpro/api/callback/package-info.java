/** The callbacks list ({@code /api/v1/callbacks}): agents read their own; supervisors read all, reassign, reschedule. */
package com.evscallpro.api.callback;
