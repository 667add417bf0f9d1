package com.evscallpro.core.campaign;

import java.util.List;

/**
 * The calling-rules presets a campaign may use ({@code campaign.legal_preset}): the calling rules provide them (one
 * data file per country), the campaign editor offers and checks them.
 */
public interface LegalPresets {

    /** The known preset codes, sorted (e.g. {@code FR}, {@code NONE}). */
    List<String> codes();
}
