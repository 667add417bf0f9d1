/** The pause reasons back office ({@code /admin/pause-reasons}, ADMIN): the reasons agents pick, with their labels. */
package com.evscallpro.ui.pause;
