package com.evscallpro.sandbox;

import com.evscallpro.simulator.CustomerScript;
import com.evscallpro.simulator.PbxSimulator;
import com.evscallpro.simulator.SimulatorSettings;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the embedded mode runs beside the application: PostgreSQL, the Zeebe engine and the PBX simulator,
 * each on a loopback port, and the properties that point the application at them.
 */
public final class SandboxInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxInfrastructure.class);

    /** The agents' dialplan context of the simulator, as Asterisk's {@code [agents]}. */
    public static final String AGENT_CONTEXT = "agents";
    /** Where the simulator's customer Local channels {@code Dial()} the customer, as a trunk would be dialled. */
    public static final String TRUNK_CONTEXT = "trunk-out";

    private final EmbeddedDatabase database;
    private final EmbeddedEngine engine;
    private final PbxSimulator pbx;
    private final String amiSecret;
    /** The API's JWT signing secret: random for each start (API tokens do not outlive the sandbox). */
    private final String jwtSecret = randomHex(32);

    /**
     * The key that seals stored secrets (evs.secrets.key): kept beside the database files when they are kept, so the
     * secrets stored by one start open at the next; random for a throw-away database.
     */
    private final String secretKey;

    /** The Asterisk hosts' sounds directories as mounted for the application ({@code evs.media.root}). */
    private final Path mediaRoot;

    private SandboxInfrastructure(EmbeddedDatabase database, EmbeddedEngine engine, PbxSimulator pbx,
                                  String amiSecret, String secretKey, Path mediaRoot) {
        this.mediaRoot = mediaRoot;
        this.database = database;
        this.engine = engine;
        this.pbx = pbx;
        this.amiSecret = amiSecret;
        this.secretKey = secretKey;
    }

    /** A new random key, or the one kept in {@code <data directory>.secret-key} (created once, owner-only). */
    static String secretKey(Path dataDirectory) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        String key = java.util.Base64.getEncoder().encodeToString(fresh);
        if (dataDirectory == null) {
            return key;
        }
        Path file = dataDirectory.toAbsolutePath().resolveSibling(dataDirectory.getFileName() + ".secret-key");
        try {
            if (java.nio.file.Files.exists(file)) {
                return java.nio.file.Files.readString(file).strip();
            }
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, key + "\n");
            try {
                java.nio.file.Files.setPosixFilePermissions(file,
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the file stays as created
            }
            return key;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot keep the sandbox's secret key in " + file, e);
        }
    }

    /**
     * @param dataDirectory where PostgreSQL keeps its files across restarts; null for a throw-away database
     * @param customers     how the simulated customers behave
     */
    public static SandboxInfrastructure start(Path dataDirectory, CustomerScript customers) {
        return start(dataDirectory, customers, java.util.function.UnaryOperator.identity());
    }

    /**
     * The simulator is shaped like a production site: customers are reached through a trunk {@code Dial()} in the
     * originated Local channel (so busy and congestion come back as DIALSTATUS, captures 11a-d) and agents' phones
     * are single channels named {@code PJSIP/<ext>-<seq>}, not Local pairs.
     *
     * @param shape further simulator settings (tests: phones that cannot be reached...)
     */
    public static SandboxInfrastructure start(Path dataDirectory, CustomerScript customers,
                                              java.util.function.UnaryOperator<SimulatorSettings> shape) {
        long t0 = System.nanoTime();
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory);
        EmbeddedEngine engine = null;
        try {
            engine = EmbeddedEngine.start();
            String amiSecret = randomHex(12);
            // the simulated Asterisk's sounds directory, as the application sees it mounted (evs.media.root): its
            // RECORD FILE (voicemail) writes there, and prompts are put there
            Path mediaRoot = dataDirectory != null ? dataDirectory.toAbsolutePath().getParent().resolve("asterisk-sounds")
                    : java.nio.file.Files.createTempDirectory("evs-asterisk-sounds");
            PbxSimulator pbx = new PbxSimulator(shape.apply(SimulatorSettings.defaults()
                    .withRecordingsDir(mediaRoot.resolve("main").resolve("asterisk"))
                    .withCredentials("evscallpro", amiSecret)
                    .withCustomers(customers)
                    .withTrunk(TRUNK_CONTEXT)
                    .withPjsipPhones(true))).start();
            log.info("Embedded infrastructure up in {} ms: PostgreSQL :{}, Zeebe {}, PBX simulator AMI :{}",
                    (System.nanoTime() - t0) / 1_000_000, database.port(), engine.grpcAddress(), pbx.port());
            return new SandboxInfrastructure(database, engine, pbx, amiSecret, secretKey(dataDirectory), mediaRoot);
        } catch (RuntimeException | java.io.IOException e) {
            if (engine != null) {
                engine.close();
            }
            database.close();
            throw e instanceof RuntimeException r ? r : new java.io.UncheckedIOException((java.io.IOException) e);
        }
    }

    /** Spring properties that wire the application to this infrastructure. */
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", database.jdbcUrl());
        p.put("spring.datasource.username", "postgres");
        p.put("spring.datasource.password", "postgres");
        p.put("camunda.client.mode", "self-managed");
        p.put("camunda.client.grpc-address", engine.grpcAddress());
        p.put("camunda.client.rest-address", engine.grpcAddress());
        p.put("camunda.client.prefer-rest-over-grpc", "false");
        p.put("camunda.client.auth.method", "none");
        p.put("evs.telephony.mode", "ASTERISK_AMI");
        p.put("evs.telephony.ami.host", "127.0.0.1");
        p.put("evs.telephony.ami.port", pbx.port());
        p.put("evs.telephony.ami.username", "evscallpro");
        p.put("evs.telephony.ami.secret", amiSecret);
        p.put("evs.telephony.ami.customer-dial-template", "Local/{number}@customers");
        p.put("evs.telephony.ami.agent-context", AGENT_CONTEXT);
        p.put("evs.telephony.agi.bind-address", "127.0.0.1");
        p.put("evs.telephony.agi.port", 0);
        p.put("evs.api.jwt.secret", jwtSecret);
        p.put("evs.secrets.key", secretKey);
        p.put("evs.media.root", mediaRoot.toString());
        // collected call recordings: next to the sounds directories (data/recordings beside data/asterisk-sounds)
        p.put("evs.recording.storage-dir", mediaRoot.resolveSibling(
                mediaRoot.getFileName().toString().replace("asterisk-sounds", "recordings")).toString());
        return p;
    }

    private static String randomHex(int bytes) {
        byte[] secret = new byte[bytes];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    public EmbeddedEngine engine() {
        return engine;
    }

    public PbxSimulator pbx() {
        return pbx;
    }

    public EmbeddedDatabase database() {
        return database;
    }

    @Override
    public void close() {
        try {
            pbx.close();
        } finally {
            try {
                engine.close();
            } finally {
                database.close();
            }
        }
    }
}
