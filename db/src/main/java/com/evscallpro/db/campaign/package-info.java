/** Campaigns: settings and the lifecycle DRAFT → RUNNING ⇄ PAUSED → FINISHED, owned by {@link com.evscallpro.db.campaign.Campaign}. */
package com.evscallpro.db.campaign;
