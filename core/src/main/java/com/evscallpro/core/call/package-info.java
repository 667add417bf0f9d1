/**
 * Live calls: what is dialling, ringing and connected right now, built from the PBX port's call events; and the
 * inbound calls the IVR connected that were handed over to AMI call control ({@link
 * com.evscallpro.core.call.InboundHandOvers}: their end is read from AMI, not from the AGI's end).
 */
package com.evscallpro.core.call;
