package com.evscallpro.core.wallboard;

/** How a figure stands against its thresholds, from best to worst. */
public enum Level { OK, WARNING, ALARM }
