/**
 * The PBX port: the only way the rest of EVSCallPro talks to a PBX. Interfaces and value types only; adapters live
 * in {@code asterisk} (AMI + FastAGI), {@code yeastar} (HTTP API) and {@code sim} (the PBX simulator).
 * This module depends on no other EVSCallPro module.
 */
package com.evscallpro.telephony;
