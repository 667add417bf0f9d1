/**
 * Zeebe job workers: one thin class per job type. They read variables, call a core service and complete; business
 * failures become BPMN errors, technical ones go to retries and then incidents. No business logic here.
 */
package com.evscallpro.workers;
