package com.evscallpro.core.supervision;

import java.util.List;

/** The journal of supervisors' actions, for admins. */
public interface SupervisorActionHistory {

    /** One page of matching lines, newest first unless the filter says otherwise. */
    List<SupervisorActionEntry> search(SupervisorActionFilter filter, int offset, int limit);

    long count(SupervisorActionFilter filter);
}
