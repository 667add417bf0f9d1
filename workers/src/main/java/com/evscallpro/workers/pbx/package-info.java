/** Workers for {@code pbx.*} jobs: originate the customer call, hang up an unanswered one. */
package com.evscallpro.workers.pbx;
