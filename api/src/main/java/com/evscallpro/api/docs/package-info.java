/** The OpenAPI description generated from the code (springdoc): {@code /api/docs/openapi}, browsable at {@code /api/docs}. */
package com.evscallpro.api.docs;
