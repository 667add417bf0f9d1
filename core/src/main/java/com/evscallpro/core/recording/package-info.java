/**
 * Call recordings: the per campaign / per queue policy (off, all, on demand; consent prompt; retention), starting,
 * pausing and stopping MixMonitor through the PBX port, collecting finished files from the Asterisk host (the
 * media transfer of core.media) into a {@link com.evscallpro.core.recording.RecordingStorage} (a directory, or an
 * S3-compatible bucket through the AWS SDK: {@code evs.recording.storage}), audited listening by allowed roles, and
 * the retention purge. See docs/recordings.md.
 */
package com.evscallpro.core.recording;
