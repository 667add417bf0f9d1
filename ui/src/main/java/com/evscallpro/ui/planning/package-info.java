/**
 * The plannings back office ({@code /admin/plannings}, ADMIN): the list, and a form per planning with its weekly
 * slots, holiday calendar and dated exceptions, saved whole through {@link com.evscallpro.core.planning.PlanningService}.
 */
package com.evscallpro.ui.planning;
