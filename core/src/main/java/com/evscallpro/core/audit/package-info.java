/**
 * The audit trail: who changed what, when, from where, with the state before and after (secrets masked).
 * {@link com.evscallpro.core.audit.AuditTrail} is called by the services that change configuration, in the same
 * transaction as the change; the person comes from an {@link com.evscallpro.core.audit.AuditActor} the UI (and the
 * API) provide, the system otherwise.
 */
package com.evscallpro.core.audit;
