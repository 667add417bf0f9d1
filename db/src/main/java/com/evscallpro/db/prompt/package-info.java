/** Audio prompts and their converted audio per language (V27). */
package com.evscallpro.db.prompt;
