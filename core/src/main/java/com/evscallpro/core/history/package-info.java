/**
 * The call history as people read it: filtered, keyset-paged lists of {@code call_history} over a bounded period
 * (at most 31 days), a capped count, a streamed CSV export, and a call's detail (times, causes, agent, qualification,
 * script answers, its journey through the IVR flow or the agent's states). Agents read only their own calls.
 */
package com.evscallpro.core.history;
