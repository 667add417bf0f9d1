/**
 * {@code /api/v1/sites}, {@code /api/v1/trunks}, {@code /api/v1/dids}: sites with their PBX connections, and the SIP
 * trunks and DIDs under them (ADMIN only). Secrets are write-only (a {@code secretSet} flag tells they are stored);
 * ETag / If-Match for optimistic locking (412 {@code *.version-mismatch}).
 */
package com.evscallpro.api.site;
