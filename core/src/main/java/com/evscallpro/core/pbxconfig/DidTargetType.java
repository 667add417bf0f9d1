package com.evscallpro.core.pbxconfig;

/**
 * Where a DID's calls go. {@code IVR}: our FastAGI server, the target being the script path ({@code ivr});
 * {@code QUEUE}: an Asterisk queue by name; {@code EXTENSION}: an agent extension, dialled through {@code evs-agents}.
 */
public enum DidTargetType {
    IVR, QUEUE, EXTENSION
}
