package com.evscallpro.db.contact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * Into a campaign that has no contact yet, each batch is one PostgreSQL {@code COPY} straight into {@code contact}
 * (as fast as PostgreSQL stores rows in that table). Into a campaign that has some, and from the first batch that
 * meets the unique key (a number another writer added meanwhile), each batch is a {@code COPY} into a temporary table
 * then one {@code INSERT … SELECT … ON CONFLICT DO NOTHING RETURNING}: the rows not returned were already in the
 * campaign. (Looking a batch's numbers up first, then one COPY: slower than that merge, measured 2026-12-08.)
 */
class ContactBulkLoadImpl implements ContactBulkLoad {

    private static final String STAGE = """
            CREATE TEMP TABLE IF NOT EXISTS contact_import_batch (
                id bigint NOT NULL, line int NOT NULL, first_name text, last_name text, phone_e164 text NOT NULL, custom_fields jsonb,
                consent_at timestamptz, consent_source text, existing_contract boolean NOT NULL
            ) ON COMMIT DELETE ROWS""";
    private static final String COPY = "COPY contact_import_batch (id, line, first_name, last_name, phone_e164, "
            + "custom_fields, consent_at, consent_source, existing_contract) FROM STDIN";
    /** Ids for a batch, in increasing order (others may take ids in between: ids stay unique and ordered). */
    private static final String IDS = "SELECT nextval(?::regclass) FROM generate_series(1, ?) ORDER BY 1";
    private static final String SEQUENCE = "SELECT pg_get_serial_sequence('contact', 'id')";
    /**
     * Inserts the batch with the ids reserved for it in line order (ids follow the file, across batches stored at
     * once too) and answers the phones inserted; the others were already
     * in the campaign (the unique key, probed per row by ON CONFLICT). No join: a join of the staging table with
     * {@code contact} was planned as a scan of the whole campaign per batch (the statistics lag behind a bulk load),
     * up to a second a batch of 10,000.
     */
    private static final String INSERT = """
            INSERT INTO contact (id, campaign_id, first_name, last_name, phone_e164, custom_fields, consent_at,
                                 consent_source, existing_contract)
            SELECT id, ?, first_name, last_name, phone_e164, COALESCE(custom_fields, '{}'), consent_at, consent_source,
                   existing_contract
            FROM contact_import_batch ORDER BY line
            ON CONFLICT (campaign_id, phone_e164) DO NOTHING
            RETURNING phone_e164""";

    /** The batch's new contacts straight into the table. */
    private static final String COPY_DIRECT = "COPY contact (id, campaign_id, first_name, last_name, phone_e164, "
            + "custom_fields, consent_at, consent_source, existing_contract) FROM STDIN";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CAMPAIGN_PHONE_KEY = "contact_campaign_phone_uk";
    private static final String HAS_CONTACTS = "SELECT EXISTS (SELECT 1 FROM contact WHERE campaign_id = ?)";

    private final DataSource dataSource;

    ContactBulkLoadImpl(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Session openBulkLoad(long campaignId) {
        try {
            Connection connection = dataSource.getConnection();
            try {
                connection.setAutoCommit(false);
                String sequence;
                try (Statement st = connection.createStatement()) {
                    st.execute(STAGE);
                    try (ResultSet rs = st.executeQuery(SEQUENCE)) {
                        rs.next();
                        sequence = rs.getString(1);
                    }
                }
                boolean hasContacts;
                try (PreparedStatement st = connection.prepareStatement(HAS_CONTACTS)) {
                    st.setLong(1, campaignId);
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        hasContacts = rs.getBoolean(1);
                    }
                }
                connection.commit();
                return new CopySession(connection, campaignId, sequence, !hasContacts);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot open a bulk contact load", e);
        }
    }

    private static final class CopySession implements Session {

        private final Connection connection;
        private final long campaignId;
        private final String sequence;
        private final StringBuilder text = new StringBuilder(1 << 20);
        /**
         * Batches go straight into {@code contact}: the campaign had no contact when the session opened (a file's
         * numbers are unique within it), and no other writer's number met the unique key since.
         */
        private boolean direct;
        private long copyNanos;
        private long mergeNanos;
        private long directNanos;
        private int directBatches;
        private int mergedBatches;

        CopySession(Connection connection, long campaignId, String sequence, boolean direct) {
            this.connection = connection;
            this.campaignId = campaignId;
            this.sequence = sequence;
            this.direct = direct;
        }

        @Override
        public long[] reserveIds(int count) {
            long[] ids = new long[count];
            if (count == 0) {
                return ids;
            }
            try (PreparedStatement st = connection.prepareStatement(IDS)) {
                st.setString(1, sequence);
                st.setInt(2, count);
                try (ResultSet rs = st.executeQuery()) {
                    for (int i = 0; rs.next(); i++) {
                        ids[i] = rs.getLong(1);
                    }
                }
                connection.commit();
                return ids;
            } catch (SQLException e) {
                rollbackQuietly();
                throw new UncategorizedSQLException("contact ids for a bulk load", IDS, e);
            }
        }

        @Override
        public List<Skipped> load(List<StagedContact> batch) {
            return load(batch, reserveIds(batch.size()));
        }

        /**
         * Stores a batch: straight into {@code contact} with one {@code COPY} while the campaign was empty when the
         * session opened (what PostgreSQL does fastest; a file's numbers are unique within it), otherwise through
         * the staging table ({@link #merge}). If someone else added one of the batch's numbers to the campaign
         * meanwhile (another import, the API, an agent), the direct COPY fails on the unique key: the batch is then
         * stored through the staging table, which skips exactly the rows already there, and so are the next ones.
         */
        @Override
        public List<Skipped> load(List<StagedContact> batch, long[] ids) {
            if (batch.isEmpty()) {
                return List.of();
            }
            if (ids.length != batch.size()) {
                throw new IllegalArgumentException(ids.length + " ids for " + batch.size() + " contacts");
            }
            if (direct) {
                long t0 = System.nanoTime();
                try {
                    copy(true, batch, ids);
                    connection.commit();
                    directNanos += System.nanoTime() - t0;
                    directBatches++;
                    return List.of();
                } catch (SQLException e) {
                    rollbackQuietly();
                    if (!onCampaignPhoneKey(e)) {
                        throw new UncategorizedSQLException("bulk contact load", COPY_DIRECT, e);
                    }
                    direct = false; // someone else writes into the campaign
                    directNanos += System.nanoTime() - t0;
                } catch (IOException e) {
                    rollbackQuietly();
                    throw new UncategorizedSQLException("bulk contact load", COPY_DIRECT, new SQLException(e));
                }
            }
            return merge(batch, ids);
        }

        /** The campaign's unique key on the number refused a row (and nothing else went wrong). */
        private static boolean onCampaignPhoneKey(SQLException e) {
            return UNIQUE_VIOLATION.equals(e.getSQLState()) && e instanceof org.postgresql.util.PSQLException p
                    && p.getServerErrorMessage() != null
                    && CAMPAIGN_PHONE_KEY.equals(p.getServerErrorMessage().getConstraint());
        }

        /** Through the staging table: COPY, then {@code INSERT … SELECT … ON CONFLICT DO NOTHING RETURNING}. */
        private List<Skipped> merge(List<StagedContact> batch, long[] ids) {
            try {
                long t0 = System.nanoTime();
                copy(false, batch, ids);
                long t1 = System.nanoTime();
                copyNanos += t1 - t0;
                Set<String> inserted = new HashSet<>(batch.size() * 2);
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    insert.setLong(1, campaignId);
                    try (ResultSet rs = insert.executeQuery()) {
                        while (rs.next()) {
                            inserted.add(rs.getString(1));
                        }
                    }
                }
                List<Skipped> skipped = new ArrayList<>();
                for (StagedContact c : batch) {
                    if (!inserted.contains(c.phoneE164())) {
                        skipped.add(new Skipped(c.line(), c.phoneE164()));
                    }
                }
                connection.commit();
                mergeNanos += System.nanoTime() - t1;
                mergedBatches++;
                return skipped;
            } catch (SQLException | IOException e) {
                rollbackQuietly();
                throw new UncategorizedSQLException("bulk contact load", INSERT,
                        e instanceof SQLException s ? s : new SQLException(e));
            }
        }

        /** One COPY of the batch: straight into {@code contact} (id, campaign, …) or into the staging table (id, line, …). */
        private void copy(boolean intoContact, List<StagedContact> batch, long[] ids)
                throws SQLException, IOException {
            CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(intoContact ? COPY_DIRECT : COPY);
            try {
                text.setLength(0);
                int i = 0;
                for (StagedContact c : batch) {
                    text.append(ids[i++]).append('\t').append(intoContact ? campaignId : c.line()).append('\t');
                    field(c.firstName());
                    field(c.lastName());
                    field(c.phoneE164());
                    field(c.customFieldsJson() == null && intoContact ? "{}" : c.customFieldsJson());
                    field(c.consentAt() == null ? null : c.consentAt().toString());
                    field(c.consentSource());
                    text.append(c.existingContract() ? 't' : 'f').append('\n');
                    if (text.length() > (1 << 19)) {
                        flush(in);
                    }
                }
                flush(in);
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        }

        private void flush(CopyIn in) throws SQLException {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            text.setLength(0);
        }

        /** A value in COPY's text format, then a tab: {@code \N} for null; backslash, tab, CR, LF escaped. */
        private void field(String value) {
            if (value == null) {
                text.append("\\N\t");
                return;
            }
            for (int i = 0; i < value.length(); i++) {
                char ch = value.charAt(i);
                switch (ch) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(ch);
                }
            }
            text.append('\t');
        }

        @Override
        public String timings() {
            return directBatches + " batches COPY'd straight into contact " + directNanos / 1_000_000 + " ms; "
                    + mergedBatches + " through the staging table: COPY " + copyNanos / 1_000_000
                    + " ms, merge into contact and commit " + mergeNanos / 1_000_000 + " ms";
        }

        private void rollbackQuietly() {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is closed with the session
            }
        }

        @Override
        public void close() {
            try {
                rollbackQuietly();
                try (Statement st = connection.createStatement()) {
                    st.execute("DROP TABLE IF EXISTS contact_import_batch");
                }
                connection.commit();
            } catch (SQLException ignored) {
                // the pooled connection is reset anyway
            } finally {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // nothing more to release
                }
            }
        }
    }
}
