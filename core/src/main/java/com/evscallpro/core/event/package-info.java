/** The in-process event bus: agent, call and task events fan out from here to Vaadin push, STOMP and logs. */
package com.evscallpro.core.event;
