/** Agent tasks served from the engine's user tasks: the wrap-up (screen-pop + qualification) of a call. */
package com.evscallpro.core.task;
