/** The worker that hands the engine's job-worker user tasks (the wrap-up) to the agent workspace. */
package com.evscallpro.workers.task;
