/**
 * URLs the product builds or calls out to, checked the same way everywhere: the CRM screen-pop link templates of
 * campaigns and queues ({@link com.evscallpro.core.link.UrlTemplates}: placeholders, expansion with URL-encoded
 * values, a fixed host) and the syntax of an http(s) URL ({@link com.evscallpro.core.link.HttpUrls}, also used by
 * webhooks). Pure functions with no dependency on any other feature, so that campaigns, queues and webhooks can all
 * use them without depending on each other.
 */
package com.evscallpro.core.link;
