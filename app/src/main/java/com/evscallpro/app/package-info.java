/** The Spring Boot application: configuration, adapters wiring, WebSocket for wallboards, run profiles. */
package com.evscallpro.app;
