package org.carereviews.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.carereviews.demo.DemoUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Chromium for the browser tests ({@code *BrowserIT}): Debian's {@code chromium}
 * and {@code chromium-driver} ({@code .ci/run} installs them when missing), never a browser
 * downloaded by Selenium Manager. Each test gets a fresh profile; every step it names is kept as a
 * screenshot in {@code target/screenshots/<test>/<nn>-<step>.png}.
 *
 * <p>The binaries can be moved with the system properties {@value #CHROMIUM_PROPERTY} and {@value
 * #DRIVER_PROPERTY} (defaults {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}).
 */
public final class Browser implements AutoCloseable {

  public static final String CHROMIUM_PROPERTY = "browser.chromium";
  public static final String DRIVER_PROPERTY = "webdriver.chrome.driver";

  /** The WCAG levels {@link #axe()} checks: WCAG 2.2 AA, as public sector websites must meet. */
  public static final List<String> WCAG_TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  /** Generous: on a busy two-core machine Tasklist answers slowly. */
  private static final Duration WAIT = Duration.ofSeconds(90);

  /** Tasklist's first page in a fresh service starts its web applications: longer still. */
  private static final Duration FIRST_PAGE = Duration.ofMinutes(5);

  private final ChromeDriver driver;
  private final String baseUrl;
  private final Path profile;
  private final Path screenshots;
  private int step;

  private Browser(ChromeDriver driver, String baseUrl, Path profile, Path screenshots) {
    this.driver = driver;
    this.baseUrl = baseUrl;
    this.profile = profile;
    this.screenshots = screenshots;
  }

  /**
   * Starts Chromium for one test.
   *
   * @param baseUrl the running service, e.g. {@code http://localhost:PORT}
   * @param test the folder of its screenshots under {@code target/screenshots}
   */
  public static Browser start(String baseUrl, String test) {
    File chromium = new File(System.getProperty(CHROMIUM_PROPERTY, "/usr/bin/chromium"));
    File chromedriver = new File(System.getProperty(DRIVER_PROPERTY, "/usr/bin/chromedriver"));
    if (!chromium.canExecute() || !chromedriver.canExecute()) {
      throw new IllegalStateException(
          "The browser tests need Debian's chromium and chromium-driver ("
              + chromium
              + ", "
              + chromedriver
              + "): apt-get install chromium chromium-driver (.ci/run does)");
    }
    System.setProperty(DRIVER_PROPERTY, chromedriver.getPath());
    Path profile;
    Path screenshots = Path.of("target", "screenshots", test);
    try {
      profile = Files.createTempDirectory("care-reviews-chromium-");
      deleteTree(screenshots);
      Files.createDirectories(screenshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1024",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver)
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
    return new Browser(driver, baseUrl, profile, screenshots);
  }

  public WebDriver driver() {
    return driver;
  }

  /** Opens a path of the service, e.g. {@code /camunda/app/tasklist/default/}. */
  public Browser open(String path) {
    driver.get(baseUrl + path);
    return this;
  }

  public WebDriverWait waiting() {
    return new WebDriverWait(driver, WAIT);
  }

  /** The first visible element matching, waiting for it. */
  public WebElement visible(By by) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /**
   * Signs in to Camunda Tasklist as a demo user (the embedded default's sign-in form) and waits for
   * the task list.
   */
  public Browser signInToTasklist(String userId) {
    open("/camunda/app/tasklist/default/#/login");
    WebElement user =
        new WebDriverWait(driver, FIRST_PAGE)
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("form[name='signinForm'] input[type='text']")));
    WebElement password =
        driver.findElement(By.cssSelector("form[name='signinForm'] input[type='password']"));
    // Tasklist (AngularJS) focuses the user name field itself once its page has settled; typing
    // before
    // that can land the password in the user name field. Type, read back, and type again until both
    // hold.
    waiting()
        .until(
            d ->
                enter(user, userId)
                    && enter(password, DemoUsers.PASSWORD)
                    && userId.equals(user.getDomProperty("value"))
                    && DemoUsers.PASSWORD.equals(password.getDomProperty("value")));
    screenshot("sign-in-" + userId);
    driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    visible(By.cssSelector("[cam-tasks]"));
    screenshot("signed-in-" + userId);
    return this;
  }

  private static boolean enter(WebElement input, String text) {
    input.clear();
    input.sendKeys(text);
    return true;
  }

  /** Opens a task in Tasklist (its form tab) and waits until its form is shown. */
  public Browser openTask(String taskId) {
    open("/camunda/app/tasklist/default/#/?task=" + taskId + "&detailsTab=task-detail-form");
    visible(By.cssSelector("[cam-tasklist-form] form, [cam-tasklist-form] .fjs-form"));
    return this;
  }

  /** Keeps what the browser shows as {@code target/screenshots/<test>/<nn>-<step>.png}. */
  public Path screenshot(String name) {
    step++;
    Path file =
        screenshots.resolve("%02d-%s.png".formatted(step, name.replaceAll("[^A-Za-z0-9._-]", "-")));
    try {
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          file,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * Checks the current page with axe-core at WCAG 2.2 AA ({@link #WCAG_TAGS}). For our own pages
   * only: Camunda's webapps are not ours to fix and are not checked.
   */
  public Results axe() {
    return new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
  }

  /** Asserts the current page has no axe-core violation at WCAG 2.2 AA, naming each one found. */
  public void assertAccessible() {
    List<Rule> violations = axe().getViolations();
    assertThat(violations)
        .as(
            () ->
                "axe-core violations: "
                    + violations.stream()
                        .map(
                            v ->
                                v.getId()
                                    + " ("
                                    + v.getImpact()
                                    + "): "
                                    + v.getHelp()
                                    + " at "
                                    + v.getNodes().stream()
                                        .map(n -> String.valueOf(n.getTarget()))
                                        .toList())
                        .toList())
        .isEmpty();
  }

  /**
   * Quits Chromium, keeping what it showed last (the page a failed test stopped on) and its HTML.
   */
  @Override
  public void close() {
    try {
      Path last = screenshot("last");
      Files.writeString(
          last.resolveSibling(last.getFileName().toString().replace(".png", ".html")),
          driver.getPageSource());
    } catch (RuntimeException | IOException e) {
      // a browser that cannot take a screenshot is still quit
    }
    try {
      driver.quit();
    } finally {
      try {
        deleteTree(profile);
      } catch (IOException e) {
        // a temporary profile left behind is harmless
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
