/**
 * {@code /api/v1/calls}: the call history (CDRs), read-only: filtered lists over a period of at most 31 days with
 * keyset paging, a call's detail, and a streamed CSV export; agents read only their own calls.
 */
package com.evscallpro.api.call;
