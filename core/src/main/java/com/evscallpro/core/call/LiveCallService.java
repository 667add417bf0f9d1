package com.evscallpro.core.call;

import java.util.List;

/** Read side of live calls. */
public interface LiveCallService {

    /** Calls not yet ended, oldest first. */
    List<LiveCall> liveCalls();

    /** True while the PBX connection is up (the dialer waits, and no call can be placed, while it is not). */
    boolean telephonyConnected();
}
