/** {@code /admin/webhooks}: webhook endpoints (register, enable, delete) and their deliveries (status, retry). */
package com.evscallpro.ui.webhook;
