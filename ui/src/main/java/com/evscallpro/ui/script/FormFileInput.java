package com.evscallpro.ui.script;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.html.Input;
import java.util.Base64;
import java.util.function.BiConsumer;

/**
 * A {@code .form} file picked by the analyst: a plain file input, read by the browser and sent to the server as bytes
 * (at most {@code maxBytes}; beyond, {@code tooLarge} runs and nothing is sent). A plain input rather than
 * {@code vaadin-upload}: the editor's route is served from the committed production bundle, whose chunk for this
 * view holds no upload component (docs/agent-scripts.md, "The frontend").
 */
class FormFileInput extends Input {

    private final BiConsumer<String, byte[]> onFile;
    private final Runnable tooLarge;

    FormFileInput(int maxBytes, BiConsumer<String, byte[]> onFile, Runnable tooLarge) {
        this.onFile = onFile;
        this.tooLarge = tooLarge;
        setType("file");
        getElement().setAttribute("accept", ".form,.json,application/json");
        addAttachListener(e -> getElement().executeJs("""
                if (this.__evsFormFile) { return; }
                this.__evsFormFile = true;
                this.addEventListener('change', async () => {
                  const f = this.files && this.files[0];
                  if (!f) { return; }
                  this.value = '';
                  if (f.size > $0) { this.$server.tooLarge(); return; }
                  const b = new Uint8Array(await f.arrayBuffer());
                  let s = '';
                  for (let i = 0; i < b.length; i += 8192) {
                    s += String.fromCharCode.apply(null, b.subarray(i, i + 8192));
                  }
                  this.$server.picked(f.name, btoa(s));
                });""", maxBytes));
    }

    @ClientCallable
    private void picked(String fileName, String base64) {
        onFile.accept(fileName == null ? "" : fileName, Base64.getDecoder().decode(base64));
    }

    @ClientCallable
    private void tooLarge() {
        tooLarge.run();
    }
}
