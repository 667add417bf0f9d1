package com.evscallpro.core.privacy;

/** How an export is written. */
public enum ExportFormat { JSON, CSV }
