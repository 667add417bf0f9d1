/** Domain services of EVSCallPro, between the {@code db} module and the adapters (ui, workers, app). */
package com.evscallpro.core;
