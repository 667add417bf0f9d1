/**
 * Agent scripts: form-js forms built by analysts, versioned (draft, published, retired), checked on the server, bound
 * to campaigns and inbound queues; the answers an agent gives are stored with the call ({@code call_history}).
 */
package com.evscallpro.core.script;
