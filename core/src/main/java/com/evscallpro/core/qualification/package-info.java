/** Qualifications (dispositions) and their groups, with French and English labels. */
package com.evscallpro.core.qualification;
