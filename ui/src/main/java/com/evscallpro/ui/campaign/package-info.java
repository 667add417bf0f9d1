/**
 * The campaign editor: the lazy campaigns grid with its actions (start, pause, finish, archive, clone) and the form
 * of every campaign setting, shown on {@code /campaigns} (supervisors, admins) and on the admin screen.
 */
package com.evscallpro.ui.campaign;
