package io.tracemark.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One headless Chromium for a test class: started (in a fresh profile folder) before the class's first
 * test, closed and its profile deleted after the last. Register it with
 * {@code @RegisterExtension static final ChromiumPerClass CHROMIUM = new ChromiumPerClass();}; a test
 * method may take the {@link HeadlessChromium} as a parameter. A missing browser fails the class.
 */
final class ChromiumPerClass implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private Path profile;
    private HeadlessChromium browser;

    HeadlessChromium browser() {
        if (browser == null) {
            throw new IllegalStateException("the browser starts before the class's first test");
        }
        return browser;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        profile = Files.createTempDirectory("tracemark-chromium");
        browser = HeadlessChromium.start(profile);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            browser = null;
            deleteProfile();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == HeadlessChromium.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return browser();
    }

    private void deleteProfile() throws IOException {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
