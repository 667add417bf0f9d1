/** Wires the configured PBX adapter ({@code evs.telephony.mode}) as the application's {@code PbxPort}. */
package com.evscallpro.app.telephony;
