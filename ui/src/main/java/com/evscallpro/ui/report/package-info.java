/**
 * The reports screen ({@code /reports}, supervisors and admins): calls and outcomes, agent activity, qualifications,
 * the daily abandon report, period comparison, with charts ({@link com.evscallpro.ui.report.EChart} over Apache
 * ECharts) and CSV export. Figures come from {@code core.report}.
 */
package com.evscallpro.ui.report;
