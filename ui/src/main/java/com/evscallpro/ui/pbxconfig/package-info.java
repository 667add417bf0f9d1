/**
 * {@code /admin/pbx}: the SIP trunks and DIDs the Asterisk configuration is generated from, the preview of the
 * changes (a diff) and their application with an Asterisk reload.
 */
package com.evscallpro.ui.pbxconfig;
