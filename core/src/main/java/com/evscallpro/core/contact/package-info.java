/** Contacts of a campaign: import with validation (E.164), status, attempts and the next attempt time. */
package com.evscallpro.core.contact;
