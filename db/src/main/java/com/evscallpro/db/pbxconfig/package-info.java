/**
 * PBX configuration held in the database: SIP trunks ({@link com.evscallpro.db.pbxconfig.SipTrunk}) and the DIDs
 * they deliver ({@link com.evscallpro.db.pbxconfig.DidNumber}), from which core renders the Asterisk files.
 */
package com.evscallpro.db.pbxconfig;
