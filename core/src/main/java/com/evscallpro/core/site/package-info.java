/**
 * Sites: a place with its own PBX (its mode, its connections), which users and SIP trunks belong to. Other features
 * read sites through {@link com.evscallpro.core.site.SiteDirectory}.
 */
package com.evscallpro.core.site;
