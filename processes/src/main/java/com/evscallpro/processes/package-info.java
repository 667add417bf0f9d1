/**
 * BPMN models of EVSCallPro and the constants that name their contract (process ids, element ids, job types,
 * message names, variables), so workers, the dialer and the UI never spell those strings themselves.
 * The models live under {@code src/main/resources/bpmn/}; see {@code docs/processes.md}.
 */
package com.evscallpro.processes;
