/** Workers that write an attempt's outcome: the CDR, and the contact's next step (retry, callback, done). */
package com.evscallpro.workers.outcome;
