package com.evscallpro.app.pbxconfig;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.pbxconfig.ApplyResult;
import com.evscallpro.core.pbxconfig.AsteriskConfigApplier;
import com.evscallpro.core.pbxconfig.ConfigDiff;
import com.evscallpro.core.pbxconfig.PbxConfigValidationException;
import com.evscallpro.ui.i18n.EvsI18NProvider;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --evs.asterisk.command=dry-run|apply}: once the application has started, prints the diff between the
 * Asterisk files on disk and the database ({@code dry-run}), or writes them and reloads Asterisk ({@code apply}),
 * then stops the application with an exit status:
 * <ul>
 *   <li>dry-run: 0 nothing to change, 1 changes to apply (as {@code diff}), 2 refused (validation) or failed;</li>
 *   <li>apply: 0 written and reloaded, 2 refused or not written, 3 written but the reload failed.</li>
 * </ul>
 */
@Component
@ConditionalOnProperty(name = "evs.asterisk.command")
class AsteriskConfigCommand implements ApplicationRunner {

    static final int OK = 0;
    static final int CHANGES = 1;
    static final int FAILED = 2;
    static final int RELOAD_FAILED = 3;

    private static final EvsI18NProvider TEXTS = new EvsI18NProvider();

    private final AsteriskConfigApplier applier;
    private final AsteriskConfigProperties properties;
    private final ConfigurableApplicationContext context;
    private final IntConsumer exit;

    @Autowired
    AsteriskConfigCommand(AsteriskConfigApplier applier, AsteriskConfigProperties properties,
                          ConfigurableApplicationContext context) {
        this(applier, properties, context, System::exit);
    }

    /** For tests: {@code exit} instead of {@link System#exit}. */
    AsteriskConfigCommand(AsteriskConfigApplier applier, AsteriskConfigProperties properties,
                          ConfigurableApplicationContext context, IntConsumer exit) {
        this.applier = applier;
        this.properties = properties;
        this.context = context;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        int status = execute(properties.command(), System.out);
        System.out.flush();
        exit.accept(SpringApplication.exit(context, () -> status));
    }

    /** Runs the command, prints its outcome, returns the exit status. */
    int execute(String command, PrintStream out) {
        String c = command == null ? "" : command.strip().toLowerCase(Locale.ROOT);
        try {
            return switch (c) {
                case "dry-run", "dryrun", "diff" -> dryRun(out);
                case "apply" -> apply(out);
                default -> {
                    out.println("evs.asterisk.command must be dry-run or apply, was '" + command + "'");
                    yield FAILED;
                }
            };
        } catch (PbxConfigValidationException e) {
            out.println("Refused, nothing written:");
            e.errors().forEach(error -> out.println("  " + english(error)));
            return FAILED;
        } catch (EvsException e) {
            out.println("Failed: " + TEXTS.getTranslation("error." + e.code(), Locale.ENGLISH, e.args().toArray()));
            return FAILED;
        } catch (UncheckedIOException | IllegalStateException e) {
            out.println("Failed: " + e.getMessage());
            return FAILED;
        }
    }

    /** The refusal in English, from the same bundle the screens use. */
    private static String english(PbxConfigValidationException.FieldError error) {
        String text = TEXTS.getTranslation("error." + error.code(), Locale.ENGLISH, error.args().toArray());
        return error.subject() == null ? error.field() + ": " + text
                : TEXTS.getTranslation("admin.pbx.subject." + error.subject().kind().name(), Locale.ENGLISH,
                        error.subject().name()) + " " + error.field() + ": " + text;
    }

    private int dryRun(PrintStream out) {
        out.println("Asterisk configuration in " + applier.configDir() + " (dry run, nothing written):");
        ConfigDiff diff = applier.dryRun();
        out.print(diff.text());
        return diff.hasChanges() ? CHANGES : OK;
    }

    private int apply(PrintStream out) {
        out.println("Applying the Asterisk configuration in " + applier.configDir() + ":");
        ApplyResult result = applier.apply();
        out.println(result.summary());
        return result.reloaded() ? OK : RELOAD_FAILED;
    }
}
