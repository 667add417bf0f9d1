/**
 * Agent scripts: form-js forms built by analysts, versioned (draft, published, retired), checked on the server, bound
 * to campaigns and inbound queues, compared version to version, imported and exported as {@code .form} files; the
 * answers an agent gives are checked against the version shown (required fields, rules) and stored with the call
 * ({@code call_history}; an inbound call's answers are kept by call id until its record exists).
 */
package com.evscallpro.core.script;
