/**
 * Flows and their versions (issue 8, item 6): PostgreSQL holds every BPMN flow (IVR flows, the outbound call journey)
 * version by version; publishing validates a version (our checks and the engine model's), deploys it through the
 * {@link com.evscallpro.core.flow.FlowEngine} port and makes it the one new calls start on, by its deployed
 * definition key; the flows shipped as files become versions at start ({@link com.evscallpro.core.flow.FlowBootstrap})
 * and every published version is deployed again at start. A draft takes test calls before it is published
 * ({@link com.evscallpro.core.flow.FlowTestRuns}, a port the IVR runtime implements; {@link
 * com.evscallpro.core.flow.FlowTestModel} gives the test process id and the way a call went on the diagram). Before a
 * publish, the names an IVR flow gives to plannings, queues, trunks and campaigns are checked against the database
 * ({@code FlowReferences}); a campaign's attempts run its journey flow (campaign
 * {@code journey_flow_id}, {@link com.evscallpro.core.flow.FlowService#bindJourney}); which DIDs and campaigns use a
 * flow ({@link com.evscallpro.core.flow.FlowUsage}) is read from their references ({@code FlowUsers}). An IVR
 * version is deployed with an execution listener on its catch events ({@code JourneyListeners}); the gateways a call
 * crosses are read on the version's diagram ({@link com.evscallpro.core.flow.FlowGraph}, kept per version) for the
 * call's journey.
 */
package com.evscallpro.core.flow;
