/**
 * Benchmarks of the whole application (issue 7): the REST API's latency over a million contacts and call records and
 * its throughput for {@code application-data}, each beside a trivial endpoint of the same run; and the heap an agent's
 * UI session retains, measured with real Chromium sessions. The application runs in this JVM on the sandbox's
 * embedded PostgreSQL and engine (the same code as production, in its production bundle).
 */
package com.evscallpro.bench.web;
