package io.tracemark.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.site.SiteConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code site.yaml}: every problem with the path of its key, reported together; secrets
 * (database password, tokens) may be given as {@code env:NAME} to be read from the environment.
 */
public final class SiteConfigReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, String> environment;

    public SiteConfigReader() {
        this(System.getenv());
    }

    public SiteConfigReader(Map<String, String> environment) {
        this.environment = environment;
    }

    public SiteConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file, List.of(new Problem(file.toString(), e.toString())));
        }
        return parse(text, file.toString());
    }

    public SiteConfig parse(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(source, List.of(new Problem(source, "not valid YAML: "
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr())));
        }
        List<Problem> problems = new ArrayList<>();
        ConfigNode top = new ConfigNode(root, "", problems);

        ConfigNode site = top.child("site");
        String siteId = site.string("id", "site-1");
        String adminToken = secret(site, "adminToken", false);
        site.rejectUnknownKeys();

        ConfigNode listen = top.child("listen");
        SiteConfig.Listen where = new SiteConfig.Listen(listen.string("host", "127.0.0.1"),
                listen.integer("port", 8090, 0, 65535));
        listen.rejectUnknownKeys();

        ConfigNode dbNode = top.child("database");
        String url = dbNode.requiredString("url");
        if (url != null && !url.startsWith("jdbc:postgresql://")) {
            dbNode.problem("url", "must be a PostgreSQL JDBC URL, jdbc:postgresql://host:port/database, was '" + url + "'");
        }
        SiteConfig.Database database = new SiteConfig.Database(url, dbNode.requiredString("user"),
                secret(dbNode, "password", true), dbNode.integer("poolSize", 10, 2, 200));
        dbNode.rejectUnknownKeys();

        ConfigNode pf = top.child("platform");
        URI platformUrl = pf.uri("url", true);
        SiteConfig.Platform platform = new SiteConfig.Platform(platformUrl, secret(pf, "token", true),
                pf.integer("timeoutSeconds", 10, 1, 600), pf.integer("pullIntervalSeconds", 60, 1, 86_400));
        pf.rejectUnknownKeys();

        ConfigNode poolNode = top.child("pool");
        SiteConfig.Pool pool = new SiteConfig.Pool(poolNode.integer("codesPerProduct", 20_000, 1, 10_000_000),
                poolNode.integer("maxRequest", 100_000, 1, 1_000_000));
        poolNode.rejectUnknownKeys();

        List<SiteConfig.StationEntry> stations = top.list("stations", n -> {
            String id = n.requiredString("id");
            String name = n.string("name", null);
            String token = secret(n, "token", true);
            ConfigNode panel = n.child("panel");
            URI panelUrl = panel.isPresent() ? panel.uri("url", true) : null;
            String panelToken = panel.isPresent() ? secret(panel, "token", true) : null;
            panel.rejectUnknownKeys();
            return new SiteConfig.StationEntry(id, name, token, panelUrl, panelToken);
        });
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < stations.size(); i++) {
            SiteConfig.StationEntry s = stations.get(i);
            if (s.id() != null && !ids.add(s.id())) {
                top.problem("stations[" + i + "].id", "'" + s.id() + "' is listed twice");
            }
            if (s.token() != null && s.token().length() < 16) {
                top.problem("stations[" + i + "].token", "must have at least 16 characters");
            }
        }

        ConfigNode mq = top.child("mqtt");
        SiteConfig.Mqtt mqtt = null;
        if (mq.isPresent()) {
            mqtt = new SiteConfig.Mqtt(mq.uri("broker", true), mq.string("topicRoot", "tracemark/" + siteId),
                    mq.integer("intervalSeconds", 5, 1, 3600));
        }
        mq.rejectUnknownKeys();
        io.tracemark.pack.SsccRange sscc = ssccRange(top.child("sscc"));
        top.rejectUnknownKeys();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(source, problems);
        }
        return new SiteConfig(siteId, where, database, platform, pool, stations, mqtt, adminToken, sscc);
    }

    /** The site's SSCC range for its pallets ({@code sscc:}), or null without the section. */
    private static io.tracemark.pack.SsccRange ssccRange(ConfigNode node) {
        if (!node.isPresent()) {
            return null;
        }
        String prefix = node.requiredString("companyPrefix");
        int extension = node.integer("extensionDigit", 0, 0, 9);
        int first = node.integer("first", 1, 0, 999_999_999);
        int last = node.integer("last", 999_999, 0, 999_999_999);
        node.rejectUnknownKeys();
        if (prefix == null) {
            return null;
        }
        try {
            return new io.tracemark.pack.SsccRange(prefix, extension, first, last);
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> node.problem(p.where(), p.message()));
            return null;
        }
    }

    /** A secret: the value itself, or {@code env:NAME} for the environment variable NAME. */
    private String secret(ConfigNode node, String key, boolean required) {
        String value = required ? node.requiredString(key) : node.string(key, null);
        if (value == null || !value.startsWith("env:")) {
            return value;
        }
        String name = value.substring(4);
        String fromEnv = environment.get(name);
        if (fromEnv == null || fromEnv.isEmpty()) {
            node.problem(key, "environment variable " + name + " is not set");
        }
        return fromEnv;
    }
}
