/**
 * Supervisors' call control over the API ({@code /api/v1/supervision/**}: listen / whisper / barge, switch, stop,
 * take over, transfer, hang up, forced pause / logout) and the journal of those actions for admins
 * ({@code /api/v1/supervisor-actions}).
 */
package com.evscallpro.api.supervision;
