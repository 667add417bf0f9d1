/** {@code /api/v1/reports}: the reports of {@code core.report} as JSON and CSV, and the roll-up rebuild (admins). */
package com.evscallpro.api.report;
