/**
 * Supervisors' call control (issue 11 item 2): listen / whisper / barge into an agent's call on the supervisor's own
 * phone, switch mode and stop, take the call over, transfer it, hang it up, force an agent to pause or log out; the
 * supervisor's remembered phone; and the journal of every such action ({@code supervisor_action}, V39) that admins
 * read. {@link com.evscallpro.core.supervision.SupervisorCallControl} acts, {@link
 * com.evscallpro.core.supervision.SupervisorActionHistory} reads; the implementation is package-private.
 */
package com.evscallpro.core.supervision;
