package com.evscallpro.telephony.asterisk.config;

import com.evscallpro.telephony.PbxActionException;
import com.evscallpro.telephony.asterisk.AmiSettings;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.action.AbstractManagerAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads an Asterisk module with the AMI {@code Reload} action ({@code Module: res_pjsip.so}) over its own
 * short-lived connection: login (MD5 challenge, events off), one action, logoff. The call-handling connection of
 * {@link com.evscallpro.telephony.asterisk.AsteriskAmiPbx} is never used nor disturbed. Needs an AMI user with the
 * {@code system} (or {@code config}) write class.
 * <p>Asterisk answers {@code Module Reloaded} (also when the reload is only queued), or an error such as
 * {@code No such module}, {@code Module does not support reloading}, {@code A reload is in progress}: the future then
 * completes with a {@link PbxActionException} carrying that message. A syntax error inside a reloaded file is not an
 * AMI error: Asterisk logs it and keeps what it could load.
 */
public final class AmiReloader {

    private static final Logger log = LoggerFactory.getLogger(AmiReloader.class);
    /** A module file name: nothing that could end the AMI header line. */
    private static final Pattern MODULE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final AmiSettings settings;
    private final Executor executor;

    public AmiReloader(AmiSettings settings) {
        this(settings, Executors.newVirtualThreadPerTaskExecutor());
    }

    AmiReloader(AmiSettings settings, Executor executor) {
        this.settings = settings;
        this.executor = executor;
    }

    /** Never blocks: connects, reloads and logs off on another thread. */
    public CompletableFuture<String> reload(String module) {
        if (module == null || !MODULE.matcher(module).matches()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("not a module name: " + module));
        }
        return CompletableFuture.supplyAsync(() -> reloadNow(module), executor);
    }

    private String reloadNow(String module) {
        DefaultManagerConnection connection = new DefaultManagerConnection(settings.host(), settings.port(),
                settings.username(), settings.secret());
        connection.setSocketTimeout((int) settings.connectTimeout().toMillis());
        connection.setDefaultResponseTimeout(settings.responseTimeout().toMillis());
        try {
            connection.login("off");
            ManagerResponse response = connection.sendAction(new ReloadAction(module),
                    settings.responseTimeout().toMillis());
            if (response == null) {
                throw new PbxActionException("no answer to Reload " + module);
            }
            if (response instanceof ManagerError || !"Success".equalsIgnoreCase(response.getResponse())) {
                throw new PbxActionException("Asterisk refused to reload " + module + ": " + response.getMessage());
            }
            log.info("Asterisk {}:{} reloaded {}: {}", settings.host(), settings.port(), module,
                    response.getMessage());
            return response.getMessage();
        } catch (AuthenticationFailedException e) {
            throw new CompletionException(new PbxActionException("AMI login to " + settings.host() + ":"
                    + settings.port() + " as " + settings.username() + " refused"));
        } catch (PbxActionException e) {
            throw new CompletionException(e);
        } catch (Exception e) {
            throw new CompletionException(new PbxActionException("could not reload " + module + " on "
                    + settings.host() + ":" + settings.port() + ": " + e.getMessage()));
        } finally {
            try {
                connection.logoff();
            } catch (RuntimeException ignored) {
                // never logged in
            }
        }
    }

    /** AMI {@code Reload}: asterisk-java 3.41 has no class for it (its builder writes every getter as a header). */
    public static final class ReloadAction extends AbstractManagerAction {

        private static final long serialVersionUID = 1L;

        private final String module;

        public ReloadAction(String module) {
            this.module = module;
        }

        @Override
        public String getAction() {
            return "Reload";
        }

        public String getModule() {
            return module;
        }
    }
}
