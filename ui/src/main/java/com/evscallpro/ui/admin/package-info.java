/** Back office ({@code /admin}): campaigns with start / pause, and the CSV contact import with its report. */
package com.evscallpro.ui.admin;
