/** Agent sessions: READY / PAUSED / RESERVED / ON_CALL / WRAP_UP, every change persisted and published. */
package com.evscallpro.core.agent;
