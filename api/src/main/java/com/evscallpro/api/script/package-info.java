/**
 * Agent scripts through the API (ADMIN and ANALYST write, SUPERVISOR reads): list, read a version's form-js schema,
 * create, rename, save a draft, publish a version (or an earlier one again), delete.
 */
package com.evscallpro.api.script;
