/**
 * Live wallboards (issue 11, item 3): {@code /wallboards} lists every campaign's and queue's board with filters by
 * group and site and edits thresholds; {@code /wallboard/tv} shows one board full screen for a TV on the floor (no
 * menu, large type), updated by push from {@code core.wallboard}. The figures are never computed here.
 */
package com.evscallpro.ui.wallboard;
