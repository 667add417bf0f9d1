/**
 * Persistence of EVSCallPro: Flyway migrations ({@code db/migration}) and Spring Data JDBC aggregates and
 * repositories, one package per feature. {@link com.evscallpro.db.DbConfiguration} wires it all.
 */
package com.evscallpro.db;
