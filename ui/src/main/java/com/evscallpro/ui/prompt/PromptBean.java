package com.evscallpro.ui.prompt;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the prompt form edits. */
public class PromptBean {

    @NotBlank
    @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,63}")
    private String name = "";
    @Size(max = 500)
    private String description = "";
    @NotBlank
    private String language = "fr";

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }
}
