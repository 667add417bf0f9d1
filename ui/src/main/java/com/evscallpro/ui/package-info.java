/**
 * The Vaadin Flow user interface of EVSCallPro: login, the agent workspace, supervision and the back office.
 * Feature packages: {@code security}, {@code login}, {@code layout}, {@code i18n}, {@code agent},
 * {@code supervision}, {@code admin}. Only core service interfaces are used; no custom frontend (dev bundle only).
 */
package com.evscallpro.ui;
