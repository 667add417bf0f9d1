/** Plannings (V13): weekly opening slots, public holidays closed, dated exceptions. */
package com.evscallpro.db.planning;
