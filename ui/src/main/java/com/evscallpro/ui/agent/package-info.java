/**
 * The agent workspace ({@code /agent}): own state with time in state, ready / pause, and the screen-pop with the
 * wrap-up form when a call's task arrives. Logic in {@code AgentWorkspace} (testable without Vaadin), widgets in
 * {@code AgentView} and {@code ScreenPopPanel} (a form that knows no service).
 */
package com.evscallpro.ui.agent;
