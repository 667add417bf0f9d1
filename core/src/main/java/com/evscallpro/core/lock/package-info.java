/**
 * Optimistic locking of the back office's small aggregates that carry a {@code version} column without mapping it
 * (plannings, qualification groups, pause reasons): read the version, and bump it in the saving transaction only if
 * it is still the one the editor started from.
 */
package com.evscallpro.core.lock;
