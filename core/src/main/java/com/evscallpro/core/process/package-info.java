/**
 * The port to the process engine as the domain needs it: start an outbound attempt, tell it about calls (messages),
 * complete an agent's task. Implemented in the {@code workers} module with the Camunda client; no Zeebe type here.
 */
package com.evscallpro.core.process;
