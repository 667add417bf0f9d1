package com.evscallpro.app.pbxconfig;

import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.pbxconfig.ApplyResult;
import com.evscallpro.core.pbxconfig.AsteriskConfigApplier;
import com.evscallpro.core.pbxconfig.ConfigDiff;
import com.evscallpro.core.pbxconfig.PbxConfigValidationException;
import com.evscallpro.core.pbxconfig.SitePbxConfig;
import com.evscallpro.core.site.PbxMode;
import com.evscallpro.core.site.SiteDetails;
import com.evscallpro.core.site.SiteService;
import com.evscallpro.ui.i18n.EvsI18NProvider;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.springframework.beans.factory.ObjectProvider;
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
 * for **every Asterisk site**, each in its own directory with its own trunks and DIDs and reloaded over its own AMI
 * servers (as the screens' per-site *Apply*, {@link SitePbxConfig}), then stops the application with the worst
 * status of the sites:
 * <ul>
 *   <li>dry-run: 0 nothing to change, 1 changes to apply (as {@code diff}), 2 refused (validation) or failed;</li>
 *   <li>apply: 0 written and reloaded, 2 refused or not written, 3 written but the reload failed.</li>
 * </ul>
 * A site refused does not stop the others. Without sites (a bare test context) the one configured directory is
 * rendered with every trunk, as before sites existed.
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
    /** The Asterisk sites, in code order (empty: the single configured directory). */
    private final java.util.function.Supplier<java.util.List<SiteDetails>> sites;
    private final SitePbxConfig siteConfig;

    @Autowired
    AsteriskConfigCommand(AsteriskConfigApplier applier, AsteriskConfigProperties properties,
                          ConfigurableApplicationContext context, ObjectProvider<SiteService> siteService,
                          ObjectProvider<SitePbxConfig> siteConfig) {
        this(applier, properties, context, System::exit, () -> {
            SiteService service = siteService.getIfAvailable();
            return service == null ? java.util.List.of() : service.list(null, "code", true, 0, 10_000).stream()
                    .filter(site -> site.pbxMode() == PbxMode.ASTERISK_AMI).toList();
        }, siteConfig.getIfAvailable());
    }

    /** For tests: {@code exit} instead of {@link System#exit}; the single configured directory, no sites. */
    AsteriskConfigCommand(AsteriskConfigApplier applier, AsteriskConfigProperties properties,
                          ConfigurableApplicationContext context, IntConsumer exit) {
        this(applier, properties, context, exit, java.util.List::of, null);
    }

    /** For tests: these sites through {@code siteConfig}. */
    AsteriskConfigCommand(AsteriskConfigApplier applier, AsteriskConfigProperties properties,
                          ConfigurableApplicationContext context, IntConsumer exit,
                          java.util.function.Supplier<java.util.List<SiteDetails>> sites, SitePbxConfig siteConfig) {
        this.applier = applier;
        this.properties = properties;
        this.context = context;
        this.exit = exit;
        this.sites = sites;
        this.siteConfig = siteConfig;
    }

    @Override
    public void run(ApplicationArguments args) {
        int status = execute(properties.command(), System.out);
        System.out.flush();
        exit.accept(SpringApplication.exit(context, () -> status));
    }

    /** Runs the command, prints its outcome, returns the exit status (the worst of the sites). */
    int execute(String command, PrintStream out) {
        String c = command == null ? "" : command.strip().toLowerCase(Locale.ROOT);
        boolean dryRun = switch (c) {
            case "dry-run", "dryrun", "diff" -> true;
            case "apply" -> false;
            default -> {
                out.println("evs.asterisk.command must be dry-run or apply, was '" + command + "'");
                yield false;
            }
        };
        if (!dryRun && !"apply".equals(c)) {
            return FAILED;
        }
        java.util.List<SiteDetails> targets = siteConfig == null ? java.util.List.of() : sites.get();
        if (targets.isEmpty()) {
            return guarded(out, () -> dryRun ? dryRun(out, applier.configDir(), applier::dryRun)
                    : apply(out, applier.configDir(), applier::apply));
        }
        int worst = OK;
        for (SiteDetails site : targets) {
            out.println("Site " + site.code() + " (" + site.name() + "):");
            int status = guarded(out, () -> dryRun
                    ? dryRun(out, siteConfig.configDir(site.id()), () -> siteConfig.dryRun(site.id()))
                    : apply(out, siteConfig.configDir(site.id()), () -> siteConfig.apply(site.id())));
            worst = worse(worst, status, dryRun);
        }
        return worst;
    }

    /** Dry run: refused / failed (2) over changes (1) over nothing (0). Apply: refused (2) over reload failed (3). */
    static int worse(int a, int b, boolean dryRun) {
        if (a == FAILED || b == FAILED) {
            return FAILED;
        }
        return dryRun ? Math.max(a, b) : (a == RELOAD_FAILED || b == RELOAD_FAILED ? RELOAD_FAILED : OK);
    }

    private int guarded(PrintStream out, java.util.function.IntSupplier step) {
        try {
            return step.getAsInt();
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

    private static int dryRun(PrintStream out, java.nio.file.Path dir, java.util.function.Supplier<ConfigDiff> run) {
        out.println("Asterisk configuration in " + dir + " (dry run, nothing written):");
        ConfigDiff diff = run.get();
        out.print(diff.text());
        return diff.hasChanges() ? CHANGES : OK;
    }

    private static int apply(PrintStream out, java.nio.file.Path dir, java.util.function.Supplier<ApplyResult> run) {
        out.println("Applying the Asterisk configuration in " + dir + ":");
        ApplyResult result = run.get();
        out.println(result.summary());
        return result.reloaded() ? OK : RELOAD_FAILED;
    }
}
