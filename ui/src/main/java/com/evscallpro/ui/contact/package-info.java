/**
 * Contacts of a campaign in the back office: the file import (upload streamed to disk, preview and column mapping,
 * live progress pushed from the import's thread, cancel, per-line report) and the contact list
 * ({@code campaigns/:campaignId/contacts}: lazy grid, search, filters, export, recycling).
 */
package com.evscallpro.ui.contact;
