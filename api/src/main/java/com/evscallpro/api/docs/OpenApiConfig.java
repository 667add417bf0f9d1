package com.evscallpro.api.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's title and its bearer-JWT security scheme, required by every operation unless it says otherwise. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BEARER = "bearer-jwt";

    @Bean
    OpenAPI evsOpenApi() {
        return new OpenAPI()
                .info(new Info().title("EVSCallPro API").version("v1")
                        .description("Errors are application/problem+json with a stable 'code' and its 'args'. "
                                + "See docs/api.md."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
