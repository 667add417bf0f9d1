package com.evscallpro.ui.site;

import com.evscallpro.core.site.PbxMode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The header fields of a site's form, checked by bean validation before the service checks the whole. */
public class SiteBean {

    @NotBlank
    @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,39}")
    private String code = "";
    @NotBlank
    @Size(max = 200)
    private String name = "";
    @NotBlank
    private String timeZone = "Europe/Paris";
    @NotNull
    private PbxMode pbxMode = PbxMode.ASTERISK_AMI;
    private boolean enabled = true;
    @Size(max = 300)
    private String yeastarBaseUrl;
    @Size(max = 200)
    private String yeastarClientId;
    @Size(max = 200)
    private String yeastarClientSecret;
    private String yeastarDialMode;
    private boolean yeastarAutoAnswer;

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public PbxMode getPbxMode() {
        return pbxMode;
    }

    public void setPbxMode(PbxMode pbxMode) {
        this.pbxMode = pbxMode;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getYeastarBaseUrl() {
        return yeastarBaseUrl;
    }

    public void setYeastarBaseUrl(String yeastarBaseUrl) {
        this.yeastarBaseUrl = yeastarBaseUrl;
    }

    public String getYeastarClientId() {
        return yeastarClientId;
    }

    public void setYeastarClientId(String yeastarClientId) {
        this.yeastarClientId = yeastarClientId;
    }

    public String getYeastarClientSecret() {
        return yeastarClientSecret;
    }

    public void setYeastarClientSecret(String yeastarClientSecret) {
        this.yeastarClientSecret = yeastarClientSecret;
    }

    public String getYeastarDialMode() {
        return yeastarDialMode;
    }

    public void setYeastarDialMode(String yeastarDialMode) {
        this.yeastarDialMode = yeastarDialMode;
    }

    public boolean isYeastarAutoAnswer() {
        return yeastarAutoAnswer;
    }

    public void setYeastarAutoAnswer(boolean yeastarAutoAnswer) {
        this.yeastarAutoAnswer = yeastarAutoAnswer;
    }

    @Override
    public String toString() {
        return "SiteBean[" + code + ", yeastarClientSecret=****]";
    }
}
