/** {@code /api/v1/calls}: the call history (CDRs), read-only, newest first, paged; by campaign or agent. */
package com.evscallpro.api.call;
