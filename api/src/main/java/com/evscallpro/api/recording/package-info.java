/** REST API of call recordings: list, metadata, audio with Range (audited), policies of campaigns and queues. */
package com.evscallpro.api.recording;
