package dev.alicia.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's, installed by install-chromium.sh) driven by Selenium, the size of a laptop
 * screen, with a profile of its own. Nothing is downloaded: the browser and its driver are named by path.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("alicia.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("alicia.chromedriver", "/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser open() throws IOException {
        Path profile = Files.createTempDirectory("alicia-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--lang=en-GB",
                "--window-size=1440,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    void go(String url) {
        driver.get(url);
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    String text(By by) {
        // The page may redraw the element between finding and reading it (a live update): then read it again.
        return await(by + " to be readable", d -> d.findElement(by).getText());
    }

    /** The text of an element even when only screen readers see it (visually hidden live regions). */
    String textContent(By by) {
        return driver.findElement(by).getDomProperty("textContent").trim();
    }

    /** Waits until {@code condition} holds (a non-null, non-false answer), saying what was awaited if it never does. */
    <T> T await(String what, Function<WebDriver, T> condition) {
        return await(() -> what, condition);
    }

    /** The same, describing what was awaited once it failed (with what the page shows then). */
    <T> T await(Supplier<String> what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE)
                .pollingEvery(Duration.ofMillis(100))
                .withMessage(what)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    /** Waits until the element's visible text contains {@code expected}; returns that text. */
    String awaitText(By by, String expected) {
        return await(() -> by + " to show \"" + expected + "\" (it shows \"" + textOrNothing(by) + "\")", d -> {
            String text = d.findElement(by).getText();
            return text.contains(expected) ? text : null;
        });
    }

    /** Waits until the element's visible text is exactly {@code expected}. */
    void awaitExactText(By by, String expected) {
        await(
                () -> by + " to read \"" + expected + "\" (it reads \"" + textOrNothing(by) + "\")",
                d -> d.findElement(by).getText().trim().equals(expected));
    }

    WebElement awaitVisible(By by) {
        return await(by + " to be shown", d -> {
            WebElement element = d.findElement(by);
            return element.isDisplayed() ? element : null;
        });
    }

    void awaitGone(By by) {
        await(by + " to be gone", d -> d.findElements(by).isEmpty());
    }

    private String textOrNothing(By by) {
        List<WebElement> found = driver.findElements(by);
        try {
            return found.isEmpty() ? "nothing" : found.get(0).getText();
        } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
            return "(redrawn while read)";
        }
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** The whole page as a PNG at the laptop width, as tall as its content (Chromium's own full-page capture). */
    void screenshot(Path... files) throws IOException {
        long width = (Long) script("return document.documentElement.scrollWidth");
        long height = (Long) script("return document.documentElement.scrollHeight");
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        for (Path file : files) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, png);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
