/** The supervisors' callbacks list ({@code /callbacks}): filter, reassign to an agent or the campaign, reschedule. */
package com.evscallpro.ui.callback;
