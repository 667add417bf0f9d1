/**
 * The port to the process engine as the domain needs it, typed: start an outbound attempt, tell it what the PBX said
 * (answered, failed, agent connected, abandoned), complete an agent's wrap-up. Implemented in the {@code workers}
 * module with the Camunda client; no Zeebe type, variable name or message name here.
 */
package com.evscallpro.core.process;
