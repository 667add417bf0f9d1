package com.evscallpro.core.site;

/** How a site's PBX is reached: Asterisk over AMI (one or several servers), or a Yeastar P-Series over its Open API. */
public enum PbxMode { ASTERISK_AMI, YEASTAR_API }
