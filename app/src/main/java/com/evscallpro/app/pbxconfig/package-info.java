/**
 * Asterisk configuration from the database, wired: {@code evs.asterisk.*} settings, the AMI reload adapter and the
 * {@code --evs.asterisk.command=dry-run|apply} command.
 */
package com.evscallpro.app.pbxconfig;
