/**
 * The embedded run mode: embedded PostgreSQL (data under ./data), the embedded Zeebe engine, the PBX simulator on
 * loopback and demo data, around the production application. Nothing here goes into the production artifact.
 */
package com.evscallpro.sandbox;
