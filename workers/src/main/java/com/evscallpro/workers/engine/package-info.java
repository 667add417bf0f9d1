/** The {@link com.evscallpro.core.process.ProcessGateway} on the Camunda 8 Java client. */
package com.evscallpro.workers.engine;
