package com.evscallpro.api.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's title, its bearer-JWT security scheme (required by every operation unless it says otherwise) and the
 * problem+json answer every operation may give ({@code 4XX}, schema {@code Problem}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BEARER = "bearer-jwt";

    @Bean
    OpenAPI evsOpenApi() {
        return new OpenAPI()
                .info(new Info().title("EVSCallPro API").version("v1")
                        .description("Errors are application/problem+json with a stable 'code' and its 'args'. "
                                + "PUT and DELETE of a versioned resource require If-Match (its ETag, or *): "
                                + "without it, 428 request.precondition-required; stale, 412 *.version-mismatch. "
                                + "See docs/api.md."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            Schema<?> problem = new ObjectSchema()
                    .description("RFC 7807 problem with the stable error code and its arguments")
                    .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                    .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                    .addProperty("instance", new StringSchema())
                    .addProperty("code", new StringSchema().example("campaign.not-found"))
                    .addProperty("args", new ArraySchema().items(new Schema<>()))
                    .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                            .addProperty("field", new StringSchema()).addProperty("code", new StringSchema())
                            .addProperty("message", new StringSchema())));
            openApi.getComponents().addSchemas("Problem", problem);
            ApiResponse answer = new ApiResponse().description("Refused: see the problem's code (docs/api.md)")
                    .content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(path -> path.readOperations()
                        .forEach(operation -> operation.getResponses().addApiResponse("4XX", answer)));
            }
        };
    }
}
