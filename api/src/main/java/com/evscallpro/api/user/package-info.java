/**
 * {@code /api/v1/users}, {@code /api/v1/agent-groups}, {@code /api/v1/skills}: the users with their groups and skill
 * levels, the agent groups with their members, the skills. Read: ADMIN and SUPERVISOR (a supervisor sees who is in
 * which team); change: ADMIN. Versions are ETags; a stale If-Match is 412. Never a password or its hash.
 */
package com.evscallpro.api.user;
