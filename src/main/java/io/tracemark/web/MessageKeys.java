package io.tracemark.web;

import io.tracemark.core.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalogue that gives every message the API can send a stable key and its parameters, so the
 * panel renders it wholly from its bundles ({@code msg.<key>} in {@code panel/i18n/*.json}) in the
 * operator's language. The messages themselves stay in English for logs, the command line and API
 * clients; a message that fits no entry gets its category's key ({@code msg.invalid}, {@code msg.state},
 * ...) and no parameters, never its English text. {@code MessageKeysTest} provokes every error of the
 * API and fails on one that only gets the category.
 *
 * <p>Named groups become parameters; a parameter named {@code state}, {@code action}, {@code field},
 * {@code scheme} or {@code cause} is a key the panel translates in turn ({@code state.*}, {@code act.*},
 * {@code field.*}, {@code scheme.*}, {@code alarm.cause.*}); the others (numbers, codes, job ids) are shown
 * as they are.
 *
 * <p>Each problem with a request's field also gets a category {@code key} ({@code required},
 * {@code unknown}, {@code format}, {@code range}, {@code codes}, or one of its own such as
 * {@code pinLength}), which older panels and API clients read; {@link #problemsJson} gives both. This is
 * the one catalogue of the API's messages (it took in the former {@code ProblemKeys}).
 */
final class MessageKeys {

    /** A key of the bundles' {@code msg.*} and the values of its placeholders. */
    record Keyed(String key, Map<String, String> params) {

        Map<String, Object> json() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("messageKey", key);
            out.put("params", params);
            return out;
        }
    }

    private record Entry(String key, Pattern pattern, List<String> groups) {
    }

    private static final Pattern GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
    private static final List<Entry> ENTRIES = new ArrayList<>();
    private static final String ID = "(?<value>[^']*)";
    private static final Map<String, Pattern> CATEGORIES = new LinkedHashMap<>();

    /** Messages with a key of their own and parameters taken from the message (named in order). */
    private record OwnKey(String key, Pattern pattern, List<String> params) {
    }

    private static final List<OwnKey> OWN_KEYS = List.of(
            new OwnKey("pinLength", Pattern.compile("^PIN must be (\\d+)-(\\d+) digits(?: for the role (\\w+))?$"),
                    List.of("min", "max", "role")),
            new OwnKey("pinWrong", Pattern.compile("^the current PIN is wrong$"), List.of()),
            new OwnKey("pinSame", Pattern.compile("^the new PIN must differ from the current one$"), List.of()),
            new OwnKey("control", Pattern.compile("^contains the control character (U\\+[0-9A-F]{4}) at position (\\d+)$"),
                    List.of("char", "position")),
            new OwnKey("bodyTrailing", Pattern.compile("^the body has more after its JSON object$"), List.of()),
            new OwnKey("bodyDuplicate", Pattern.compile("^the key '(.*)' appears twice in the body$"), List.of("key")),
            new OwnKey("bodyNotJson", Pattern.compile("^the body is not JSON: (.*)$"), List.of("detail")),
            new OwnKey("bodyNotObject", Pattern.compile("^the body must be a JSON object$"), List.of()),
            new OwnKey("boxSmall", Pattern.compile("^the box must be at least (\\d+) pixels a side, was (\\d+)×(\\d+)$"),
                    List.of("min", "width", "height")),
            new OwnKey("boxOutside", Pattern.compile("^the box x=(-?\\d+) y=(-?\\d+) w=(\\d+) h=(\\d+) is not inside the "
                    + "(\\d+)×(\\d+) frame$"), List.of("x", "y", "width", "height", "frameWidth", "frameHeight")),
            new OwnKey("boxInDevice", Pattern.compile("^scanner '(.*)' decodes in the device: set its code box on the "
                    + "reader itself$"), List.of("scanner")));

    static {
        CATEGORIES.put("codes", Pattern.compile("(?i)(not enough|too few) codes|codes? (left|available)"));
        CATEGORIES.put("required", Pattern.compile("(?i)required|missing|is empty|must be given|not set|no value"));
        CATEGORIES.put("unknown", Pattern.compile("(?i)unknown|not configured|no such|not found|does not exist|already exists"));
        CATEGORIES.put("format", Pattern.compile("(?i)not a (date|number|whole number)|expected|format|invalid|must be \\d|letters|digits"));
        CATEGORIES.put("range", Pattern.compile("(?i)at least|at most|between|too (many|few|large|small|long)|greater|less|positive|before|after|out of range"));
    }


    static {
        // problems with a request, by field (JobValidator, JobRequestReader, RecordsApi, master data, bodies)
        add("field.required", "^\\S.* is missing$|is required|required \\(at most (?<max>\\d+) characters\\)");
        add("batch.format", "^must be 1–(?<max>\\d+) letters, digits, '\\.', '_', '/' or '-' \\(GS1 AI 10\\), was '"
                + ID + "'$");
        add("id.format", "^must be 1–(?<max>\\d+) letters, digits, '\\.', '_' or '-', was '" + ID + "'$");
        add("level.combined", "^COMBINED \\(组合多码\\) jobs need aggregation: product (?<product>\\S+) is not defined");
        add("template.unknown", "^unknown template '" + ID + "'");
        add("codes.short", "^needs (?<needed>\\d+) AVAILABLE codes of scheme (?<scheme>\\S+) for product (?<product>\\S+),"
                + " only (?<available>\\d+) left$");
        add("product.unknown", "^unknown product '" + ID + "'$");
        add("product.incomplete", "^master data incomplete: (?<missing>\\S+) ");
        add("date.future", "^(?<date>\\d{4}-\\d\\d-\\d\\d) is in the future \\(today (?<today>\\d{4}-\\d\\d-\\d\\d)\\)$");
        add("date.expiry", "^(?<expiry>\\S+) is not after the production date (?<production>\\S+)$");
        add("scheme.noCodes", "^no codes of scheme '(?<scheme>[^']*)' were ever imported$");
        add("range.between", "must be (?:from|between) (?<min>-?\\d+) (?:to|and) (?<max>-?\\d+), was (?<was>-?\\d+)$");
        add("grade.f", "^grade F accepts everything");
        add("grade.format", "^not a grade \\(A-F or 0-4\\): '" + ID + "'$|^grade value must be within");
        add("printer.unknown", "^unknown printer '" + ID + "'");
        add("printer.notReady", "^printer does not answer or is not ready");
        add("scanner.unknown", "^unknown scanner '" + ID + "'");
        add("date.format", "^not a date: '" + ID + "', expected YYYY-MM-DD$");
        add("level.unknown", "^unknown trace level '" + ID + "'");
        add("number.format", "^not a whole number: '" + ID + "'$");
        add("time.format", "^not a time: '" + ID + "', expected an ISO-8601 time");
        add("cursor.format", "^not a page cursor: '" + ID + "'");
        add("body.json", "^the body is not JSON");
        add("body.object", "must be a JSON object$");
        add("producer.unregistered", "^producer '" + ID + "' is (?:not registered|neither in this file nor registered)$");
        add("uscc.check", "check character|check digit|USCC|unified social credit code");
        add("uscc.confirmation", "^a confirmation from the platform must say when and where");
        // recall (io.tracemark.pack.RecallSelector, RecallQuery)
        add("recall.unknownCode", "code (?<code>\\S+) is neither a unit's code nor a case's or pallet's SSCC at this station");
        add("recall.notPrinted", "code (?<code>\\S+) was never printed at this station");
        add("recall.unknownBatch", "no job of batch (?<batch>\\S+) at this station");
        add("recall.unknownProduct", "no product (?<product>\\S+) at this station");
        add("recall.date", "'(?<value>[^']*)' is not a date \\(YYYY-MM-DD\\)");
        add("recall.fromAfterTo", "from (?<from>\\S+) is after to (?<to>\\S+)$");
        add("recall.selector", "name exactly one of code, batch or product");
        add("recall.dayRequired", "required with a product: a production day");
        add("recall.daysWithProduct", "from and to go with a product only");
        // refusals because of the line's state (LineCore, LineController, JobLifecycle, JobBook, RunLoop)
        add("state.ackFirst", "^cannot (?<action>.+?): acknowledge the alarm first \\(alarm (?<alarm>\\d+), (?<cause>[\\w.]+):");
        add("state.busy", "^cannot (?<action>.+?): the line is busy with (?<busy>.+)$");
        add("state.scannerDown", "^cannot (?<action>.+?): scanner (?<scanner>\\S+) is not working");
        add("state.needsClear", "^line is (?<state>[A-Z_]+): cannot (?<action>.+?) \\(clear the fault first\\)$");
        add("state.cannot", "^line is (?<state>[A-Z_]+): cannot (?<action>.+)$");
        add("state.command", "^line is (?<state>[A-Z_]+): command (?<command>[A-Z_]+) is not allowed$");
        add("state.nothingToStop", "^line is (?<state>[A-Z_]+): nothing to stop$");
        add("state.noJobToResume", "^line is (?<state>[A-Z_]+): no unfinished job to resume$");
        add("state.noJob", "^line is (?<state>[A-Z_]+): no job to (?<action>.+)$");
        add("state.wait", "^line is (?<state>[A-Z_]+): wait until it is done before you (?<action>.+)$");
        add("state.stopBeforeResume", "^line is (?<state>[A-Z_]+): stop it before resuming job (?<job>\\S+)$");
        add("state.endOnlyStopped", "^line is (?<state>[A-Z_]+): stop or pause the line before you end the batch$");
        add("job.notOpen", "^no OPEN job (?<job>\\S+) to resume$");
        add("job.details", "^job (?<job>\\S+) has no stored set-up");
        add("job.stillOpen", "^job (?<job>\\S+) is still open \\((?<verified>\\d+) of (?<quantity>\\d+)");
        add("job.isCurrent", "^job (?<job>\\S+) is the current job");
        add("job.startFailed", "^the job could not start");
        add("challenge.failedStart", "^challenge test failed, the job does not run");
        add("challenge.noJob", "^no job set up: the challenge test");
        add("codes.noneOfScheme", "^no AVAILABLE code of scheme (?<scheme>\\S+)");
        add("line.timeout", "^(?<command>.+) did not finish within (?<seconds>\\d+) s");
        add("line.shutdown", "^the line is shut down");
        add("line.unsupported", " is not supported by this line$");
        add("unit.notPrinted", "^no unit was printed with code (?<code>\\S+)");
        add("unit.state", "^unit (?<unit>\\d+) of code (?<code>\\S+) is (?<unitState>[A-Z]+)");
        add("alarm.notActive", "^no active alarm (?<alarm>\\d+)$");
        add("template.preview", "^template (?<template>\\S+) ");
        // things not found (NotFoundException names what)
        add("notFound.code", "^code (?<code>\\S+) not found$");
        add("notFound.alarm", "^active alarm (?<alarm>\\d+) not found$");
        add("notFound.reconciliation", "^reconciliation of a batch ended");
        add("notFound.image", "^(?:image of rejected unit (?<unit>\\d+)|last label image|last camera frame|"
                + "label image of unit (?<labelUnit>\\d+)|camera frame of unit (?<frameUnit>\\d+)) not found$");
        add("notFound.alert", "^anti-counterfeit alert for code (?<code>\\S+) not found$");
        add("notFound.user", "^user (?<user>\\S+) not found$");
        add("notFound.token", "^API token (?<token>\\S+) not found$");
        add("notFound.job", "^job (?<job>\\S+) not found$");
        add("notFound.masterData", "^master data of this station not found$");
        add("notFound.recipe", "^recipe (?<recipe>\\S+) not found$");
        add("notFound.device", "^device (?<device>\\S+) not found$");
    }

    private MessageKeys() {
    }

    private static void add(String key, String regex) {
        List<String> groups = new ArrayList<>();
        Matcher m = GROUP.matcher(regex);
        while (m.find()) {
            if (!groups.contains(m.group(1))) {
                groups.add(m.group(1));
            }
        }
        ENTRIES.add(new Entry(key, Pattern.compile(regex), List.copyOf(groups)));
    }

    /** The key and parameters of a message; {@code fallback} (the category) with none when no entry fits. */
    static Keyed of(String message, String fallback) {
        if (message != null) {
            for (Entry entry : ENTRIES) {
                Matcher m = entry.pattern().matcher(message);
                if (m.find()) {
                    Map<String, String> params = new LinkedHashMap<>();
                    for (String group : entry.groups()) {
                        String value = m.group(group);
                        if (value != null) {
                            params.put(group, group.equals("action") ? actionSlug(value) : value);
                        }
                    }
                    return new Keyed(entry.key(), params);
                }
            }
        }
        return new Keyed(fallback, Map.of());
    }

    /** Every key of the catalogue (for the test that checks both bundles have them). */
    static List<String> keys() {
        return ENTRIES.stream().map(Entry::key).distinct().toList();
    }

    /** "resume job J-7" and "start the job" become "resume-job" and "start-the-job" (bundle keys act.*). */
    static String actionSlug(String action) {
        return action.strip().replaceAll(" job \\S+$", " job").replaceAll("[^a-zA-Z]+", "-").toLowerCase();
    }

    /** The key for a message, or null when none fits. */
    static String categoryOf(String message) {
        for (OwnKey keyed : OWN_KEYS) {
            if (keyed.pattern().matcher(message).matches()) {
                return keyed.key();
            }
        }
        for (Map.Entry<String, Pattern> entry : CATEGORIES.entrySet()) {
            if (entry.getValue().matcher(message).find()) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** The parameters of a message with a key of its own; empty for any other. */
    static Map<String, String> ownParamsOf(String message) {
        Map<String, String> params = new LinkedHashMap<>();
        for (OwnKey keyed : OWN_KEYS) {
            Matcher m = keyed.pattern().matcher(message);
            if (m.matches()) {
                for (int i = 0; i < keyed.params().size(); i++) {
                    if (m.group(i + 1) != null) {
                        params.put(keyed.params().get(i), m.group(i + 1));
                    }
                }
                return params;
            }
        }
        return params;
    }

    /**
     * The JSON list of problems: field, message, (when known) key, and the message's bundle key and
     * parameters.
     */
    static List<Map<String, Object>> problemsJson(List<Problem> problems) {
        return problems.stream().map(p -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("field", p.where());
            out.put("message", p.message());
            String key = categoryOf(p.message());
            out.put("key", key);
            Keyed keyed = of(p.message(), key == null ? "invalid" : key);
            Map<String, String> params = ownParamsOf(p.message());
            if (keyed.params().isEmpty() && !params.isEmpty()) {
                keyed = new Keyed(keyed.key(), params);
            }
            out.putAll(keyed.json());
            return out;
        }).toList();
    }
}
