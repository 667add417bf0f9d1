/**
 * The recording storage as operations see it: the {@code recordingStorage} component of {@code /actuator/health}
 * (docs/recordings.md, "Storage"). The storage itself is core.recording's.
 */
package com.evscallpro.app.recording;
