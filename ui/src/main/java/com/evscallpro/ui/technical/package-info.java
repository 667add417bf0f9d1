/** Admins' read-only list of dial attempts that could not be placed (technical failures, not business outcomes). */
package com.evscallpro.ui.technical;
