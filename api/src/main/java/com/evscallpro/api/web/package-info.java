/** What every API resource shares: pages of results ({@link com.evscallpro.api.web.Paged}), the signed-in caller. */
package com.evscallpro.api.web;
