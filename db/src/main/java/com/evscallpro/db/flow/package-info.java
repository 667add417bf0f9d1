/** Flows and their versions (V25): the BPMN of every flow the platform runs, version by version. */
package com.evscallpro.db.flow;
