/** User accounts ({@code app_user}): credentials (bcrypt hash), role, phone extension and locale. */
package com.evscallpro.db.user;
