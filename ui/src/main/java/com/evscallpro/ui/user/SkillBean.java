package com.evscallpro.ui.user;

import com.evscallpro.core.group.AgentGroupAdmin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the skill form edits. */
public class SkillBean {

    @NotBlank
    @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,39}")
    private String code = "";
    @NotBlank
    @Size(max = AgentGroupAdmin.MAX_LABEL)
    private String labelFr = "";
    @NotBlank
    @Size(max = AgentGroupAdmin.MAX_LABEL)
    private String labelEn = "";

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getLabelFr() {
        return labelFr;
    }

    public void setLabelFr(String labelFr) {
        this.labelFr = labelFr;
    }

    public String getLabelEn() {
        return labelEn;
    }

    public void setLabelEn(String labelEn) {
        this.labelEn = labelEn;
    }
}
