package com.evscallpro.core.contact;

import java.nio.charset.Charset;
import java.util.List;

/**
 * The start of an uploaded CSV file as detected: delimiter, encoding, the header and the first rows, and the mapping
 * the header's names suggest.
 */
public record ImportPreview(char delimiter, Charset charset, List<String> header, List<List<String>> rows,
                            ImportMapping suggested) {

    public ImportPreview {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
