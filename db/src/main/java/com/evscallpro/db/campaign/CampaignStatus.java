package com.evscallpro.db.campaign;

/** Where a campaign is in its life. Only RUNNING campaigns are dialed. */
public enum CampaignStatus { DRAFT, RUNNING, PAUSED, FINISHED, ARCHIVED }
