/**
 * Asterisk configuration from the database: SIP trunks and DIDs ({@link com.evscallpro.core.pbxconfig.PbxConfigService},
 * validated), rendered to {@code pjsip_evscallpro.conf} / {@code extensions_evscallpro.conf}
 * ({@link com.evscallpro.core.pbxconfig.AsteriskConfigRenderer}, pure), compared with the files on disk and written
 * atomically, then reloaded through a {@link com.evscallpro.core.pbxconfig.PbxReloader}
 * ({@link com.evscallpro.core.pbxconfig.AsteriskConfigApplier}).
 */
package com.evscallpro.core.pbxconfig;
