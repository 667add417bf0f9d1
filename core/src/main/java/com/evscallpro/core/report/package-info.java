/**
 * Reports (issue 11, item 5): the hourly roll-ups of {@code call_history} and {@code agent_state_log} (kept up to date
 * by database triggers that mark changed hours and a catch-up job that recomputes them, rebuildable for a period), and
 * the reports read from them: calls and outcomes per hour / day, agent activity, qualifications, the daily abandon
 * report per campaign, period comparison, CSV.
 */
package com.evscallpro.core.report;
