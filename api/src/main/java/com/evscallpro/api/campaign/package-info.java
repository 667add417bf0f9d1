/**
 * {@code /api/v1/campaigns}: list (paged, sorted), read with an {@code ETag} (the campaign's version), create, start
 * and pause honouring {@code If-Match} (412 on a stale version); their contacts, listed and bulk-imported.
 */
package com.evscallpro.api.campaign;
