/** The inbound queues' back office ({@code /admin/queues}): one queue per agent group and its routing settings. */
package com.evscallpro.ui.queue;
