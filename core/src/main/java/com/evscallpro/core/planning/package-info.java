/**
 * Plannings: when calls may be placed. A planning has weekly opening slots in its own time zone, may close the public
 * holidays of a country (jollyday), and has dated exceptions that win over both. {@link PlanningService} validates and
 * stores them (refusals are {@code planning.*} error codes) and answers {@code isOpen} / {@code nextOpening} for a
 * moment; the dialer and the campaign editor use it.
 */
package com.evscallpro.core.planning;
