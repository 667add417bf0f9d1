package com.evscallpro.ui.prompt;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.OutputStream;
import java.util.function.Supplier;

/**
 * The browser's {@code <audio controls>} element. {@link #play} points it at a fresh URL served by Vaadin for this
 * element only, within the signed-in user's session (no public URL), and starts playing; the bytes are asked for
 * when the browser fetches the URL, so what the supplier does (audit a listen…) happens at each real listen.
 */
@Tag("audio")
public class AudioPlayer extends Component {

    public AudioPlayer(String id) {
        setId(id);
        getElement().setAttribute("controls", true);
        getElement().setAttribute("preload", "auto");
        getElement().getStyle().set("width", "100%").set("max-width", "32rem");
    }

    /**
     * Plays the WAV {@code audio} gives.
     *
     * @param name   a label for the element ({@code data-playing})
     * @param after  run after the bytes were sent (outside the UI lock), or null
     */
    public void play(String name, Supplier<byte[]> audio, Runnable after) {
        getElement().setAttribute("data-playing", name);
        getElement().setAttribute("src", (DownloadHandler) event -> {
            byte[] wav = audio.get();
            event.setContentType("audio/wav");
            event.getResponse().setHeader("Cache-Control", "no-store");
            event.setContentLength(wav.length);
            try (OutputStream out = event.getOutputStream()) {
                out.write(wav);
            }
            if (after != null) {
                after.run();
            }
        });
        getElement().executeJs("this.load(); this.play().catch(function () {});");
    }
}
