/** Live calls: what is dialling, ringing and connected right now, built from the PBX port's call events. */
package com.evscallpro.core.call;
