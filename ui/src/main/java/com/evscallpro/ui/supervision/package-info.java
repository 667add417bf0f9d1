/**
 * Supervision ({@code /supervision}): live agents and calls with counters, kept current by server push from the
 * event bus. {@code SupervisionBoard} holds the state (testable without Vaadin), {@code SupervisionView} shows it.
 */
package com.evscallpro.ui.supervision;
