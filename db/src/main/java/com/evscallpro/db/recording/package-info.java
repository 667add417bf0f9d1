/** Call recordings and the recording policy of campaigns and queues: rows only (the audio is in core.recording's storage). */
package com.evscallpro.db.recording;
