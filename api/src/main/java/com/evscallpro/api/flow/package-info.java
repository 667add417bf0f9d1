/**
 * Flows and their versions through the API (ADMIN): list, read a version's BPMN, create a flow from a BPMN file, save
 * a draft, publish a version (or an earlier one: roll back). What the analysts' editor builds on.
 */
package com.evscallpro.api.flow;
