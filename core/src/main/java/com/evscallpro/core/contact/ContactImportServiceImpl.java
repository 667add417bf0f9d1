package com.evscallpro.core.contact;

import com.evscallpro.core.contact.ImportReport.Rejection;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.db.campaign.Campaign;
import com.evscallpro.db.campaign.CampaignRepository;
import com.evscallpro.db.campaign.CampaignStatus;
import com.evscallpro.db.contact.ContactBatchInsert.NewContact;
import com.evscallpro.db.contact.ContactRepository;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Validates contacts (phone → E.164, duplicates in the file, phones already in the campaign), reports bad rows
 * with their line and stores the good ones with JDBC batches, in one transaction.
 * <p>Rejection reasons are codes with arguments, translated by the UI ("line {line}: {reason}"); a file that cannot
 * be read at all is an {@link EvsException}: {@code import.empty}, {@code import.no-phone-column} (the header),
 * {@code campaign.not-found}, {@code campaign.finished} (the campaign's name).
 */
@Service
class ContactImportServiceImpl implements ContactImportService {

    private static final Logger log = LoggerFactory.getLogger(ContactImportServiceImpl.class);

    static final String NOT_A_PHONE = "import.not-a-phone";
    static final String MISSING_PHONE = "import.missing-phone";
    static final String DUPLICATE = "import.duplicate";
    static final String ALREADY_IN_CAMPAIGN = "import.already-in-campaign";
    static final String COLUMN_COUNT = "import.column-count";
    static final String MALFORMED = "import.malformed";

    private static final int LOOKUP_CHUNK = 1000;

    private final CampaignRepository campaigns;
    private final ContactRepository contacts;

    private final org.springframework.context.ApplicationEventPublisher publisher;

    ContactImportServiceImpl(CampaignRepository campaigns, ContactRepository contacts,
                             org.springframework.context.ApplicationEventPublisher publisher) {
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.publisher = publisher;
    }

    @Override
    @Transactional
    public ImportReport importContacts(long campaignId, List<ContactInput> inputs) {
        List<Row> rows = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            rows.add(new Row(i + 1, inputs.get(i)));
        }
        return store(campaignId, rows, new ArrayList<>());
    }

    @Override
    @Transactional
    public ImportReport importCsv(long campaignId, Reader csv) {
        checkCampaign(campaignId);
        List<Rejection> rejected = new ArrayList<>();
        List<Row> rows = CsvContacts.read(csv, rejected);
        return store(campaignId, rows, rejected);
    }

    private ImportReport store(long campaignId, List<Row> rows, List<Rejection> rejected) {
        Campaign campaign = checkCampaign(campaignId);
        List<Row> valid = new ArrayList<>(rows.size());
        Map<String, Integer> firstLineOfPhone = new HashMap<>();
        for (Row row : rows) {
            String raw = row.input().phone();
            if (raw == null || raw.isBlank()) {
                rejected.add(new Rejection(row.line(), raw == null ? "" : raw, MISSING_PHONE));
                continue;
            }
            Optional<String> e164 = PhoneNumbers.toE164(raw);
            if (e164.isEmpty()) {
                rejected.add(new Rejection(row.line(), raw, NOT_A_PHONE, raw.strip()));
                continue;
            }
            Integer first = firstLineOfPhone.putIfAbsent(e164.get(), row.line());
            if (first != null) {
                rejected.add(new Rejection(row.line(), raw, DUPLICATE, first));
                continue;
            }
            valid.add(row.withPhone(e164.get()));
        }

        List<String> phones = valid.stream().map(Row::e164).toList();
        java.util.Set<String> existing = new java.util.HashSet<>();
        for (int from = 0; from < phones.size(); from += LOOKUP_CHUNK) {
            existing.addAll(contacts.existingPhones(campaignId,
                    phones.subList(from, Math.min(phones.size(), from + LOOKUP_CHUNK))));
        }
        List<Row> fresh = new ArrayList<>(valid.size());
        for (Row row : valid) {
            if (existing.contains(row.e164())) {
                rejected.add(new Rejection(row.line(), row.input().phone(), ALREADY_IN_CAMPAIGN));
            } else {
                fresh.add(row);
            }
        }

        boolean[] inserted = contacts.insertNew(campaignId, fresh.stream()
                .map(r -> new NewContact(blankToNull(r.input().firstName()), blankToNull(r.input().lastName()),
                        r.e164(), r.input().customFields()))
                .toList());
        int imported = 0;
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i]) {
                imported++;
            } else { // inserted concurrently by another import
                rejected.add(new Rejection(fresh.get(i).line(), fresh.get(i).input().phone(), ALREADY_IN_CAMPAIGN));
            }
        }
        rejected.sort(Comparator.comparingInt(Rejection::line));
        log.info("Import into campaign {} '{}': {} imported, {} rejected", campaignId, campaign.getName(), imported,
                rejected.size());
        publisher.publishEvent(new ContactsImported(campaignId, imported, rejected.size()));
        return new ImportReport(imported, List.copyOf(rejected));
    }

    private Campaign checkCampaign(long campaignId) {
        Campaign campaign = campaigns.findById(campaignId)
                .orElseThrow(() -> new EvsException("campaign.not-found", campaignId));
        if (campaign.getStatus() == CampaignStatus.FINISHED) {
            throw new EvsException("campaign.finished", campaign.getName());
        }
        return campaign;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** An input row with its line number and, once valid, its E.164 phone. */
    record Row(int line, ContactInput input, String e164) {
        Row(int line, ContactInput input) {
            this(line, input, null);
        }

        Row withPhone(String phone) {
            return new Row(line, input, phone);
        }
    }

    /** CSV reading: header detection, delimiter (',' or ';'), line numbers, malformed rows. */
    static final class CsvContacts {

        private static final Set<String> FIRST_NAME = Set.of("firstname", "prenom", "prénom");
        private static final Set<String> LAST_NAME = Set.of("lastname", "nom");
        private static final Set<String> PHONE = Set.of("phone", "phonenumber", "telephone", "téléphone", "tel");


        private CsvContacts() {
        }

        static List<Row> read(Reader source, List<Rejection> rejected) {
            BufferedReader in = source instanceof BufferedReader b ? b : new BufferedReader(source);
            char delimiter;
            try {
                in.mark(64 * 1024);
                String first = in.readLine();
                while (first != null && first.strip().replace("\uFEFF", "").isEmpty()) {
                    first = in.readLine();
                }
                if (first == null) {
                    throw new EvsException("import.empty");
                }
                delimiter = first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
                in.reset();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the CSV file", e);
            }
            CSVFormat format = CSVFormat.DEFAULT.builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false)
                    .setIgnoreSurroundingSpaces(true)
                    .setTrim(true)
                    .get();
            List<Row> rows = new ArrayList<>();
            try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
                Iterator<CSVRecord> it = parser.iterator();
                Header header = null;
                while (true) {
                    long before = parser.getCurrentLineNumber();
                    CSVRecord record;
                    try {
                        if (!it.hasNext()) {
                            break;
                        }
                        record = it.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        int line = (int) before + 1;
                        log.info("Malformed CSV from line {} on: {}", line, rootMessage(e));
                        rejected.add(new Rejection(line, "", MALFORMED));
                        break;
                    }
                    int line = (int) before + 1;
                    if (isBlank(record)) {
                        continue;
                    }
                    if (header == null) {
                        header = Header.of(record);
                        continue;
                    }
                    if (record.size() != header.names.size()) {
                        rejected.add(new Rejection(line, String.join(String.valueOf(delimiter), record.toList()),
                                COLUMN_COUNT, record.size(), header.names.size()));
                        continue;
                    }
                    rows.add(new Row(line, header.contact(record)));
                }
                if (header == null) {
                    throw new EvsException("import.empty");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the CSV file", e);
            }
            return rows;
        }

        private static boolean isBlank(CSVRecord record) {
            for (String value : record) {
                if (value != null && !value.isBlank() && !"\uFEFF".equals(value)) {
                    return false;
                }
            }
            return true;
        }

        private static String rootMessage(Throwable e) {
            Throwable t = e;
            while (t.getCause() != null) {
                t = t.getCause();
            }
            return t.getMessage();
        }

        /** The header's columns: which is first name, last name, phone; the others are custom fields. */
        private record Header(List<String> names, int firstName, int lastName, int phone) {

            static Header of(CSVRecord record) {
                List<String> names = new ArrayList<>();
                int first = -1;
                int last = -1;
                int phone = -1;
                for (int i = 0; i < record.size(); i++) {
                    String name = record.get(i).replace("\uFEFF", "").strip();
                    names.add(name);
                    String key = name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
                    if (FIRST_NAME.contains(key) && first < 0) {
                        first = i;
                    } else if (LAST_NAME.contains(key) && last < 0) {
                        last = i;
                    } else if (PHONE.contains(key) && phone < 0) {
                        phone = i;
                    }
                }
                if (phone < 0) {
                    throw new EvsException("import.no-phone-column", String.join(",", names));
                }
                return new Header(names, first, last, phone);
            }

            ContactInput contact(CSVRecord record) {
                Map<String, String> custom = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    if (i != firstName && i != lastName && i != phone && !names.get(i).isEmpty()
                            && !record.get(i).isEmpty()) {
                        custom.put(names.get(i), record.get(i));
                    }
                }
                return new ContactInput(firstName < 0 ? null : record.get(firstName),
                        lastName < 0 ? null : record.get(lastName), record.get(phone), custom);
            }
        }
    }
}
