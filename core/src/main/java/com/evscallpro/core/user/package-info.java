/** User accounts (ADMIN / SUPERVISOR / AGENT) with hashed passwords. */
package com.evscallpro.core.user;
