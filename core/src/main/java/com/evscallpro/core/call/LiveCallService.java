package com.evscallpro.core.call;

import java.util.List;

/** Read side of live calls. */
public interface LiveCallService {

    /** Calls not yet ended, oldest first. */
    List<LiveCall> liveCalls();
}
