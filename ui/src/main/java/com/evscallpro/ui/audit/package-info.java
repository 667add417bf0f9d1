/**
 * The audit log as admins read it ({@code /admin/audit}: filters, details, CSV export), and who acts for the audit
 * trail in the UI ({@link com.evscallpro.ui.audit.SignedInAuditActor}: the signed-in user and their address).
 */
package com.evscallpro.ui.audit;
