/** Qualification (disposition) groups and their entries, with French and English labels. */
package com.evscallpro.db.qualification;
