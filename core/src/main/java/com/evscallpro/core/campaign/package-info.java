/** Campaigns: their lifecycle (DRAFT → RUNNING ⇄ PAUSED → FINISHED), settings and contact counts. */
package com.evscallpro.core.campaign;
