/** Agent groups with their members, skills and the users' skill levels (V20). */
package com.evscallpro.db.group;
