package com.evscallpro.api.docs;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /api/docs} opens the browsable page (springdoc serves it under {@code /api/docs/swagger-ui/}). */
@Controller
@Hidden
class DocsHome {

    @GetMapping({"/api/docs", "/api/docs/"})
    String home() {
        return "redirect:/api/docs/swagger-ui/index.html";
    }
}
