package com.evscallpro.core.cdr;

public enum CallDirection { OUTBOUND, INBOUND }
