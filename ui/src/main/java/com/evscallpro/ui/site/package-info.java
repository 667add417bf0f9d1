/**
 * {@code /admin/sites} (ADMIN): the sites with their PBX mode and connection settings (AMI servers or Yeastar API),
 * the live state of each connection, create / edit / delete. Secrets are write-only fields.
 */
package com.evscallpro.ui.site;
