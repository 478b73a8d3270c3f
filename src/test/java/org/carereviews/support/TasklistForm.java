package org.carereviews.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A Camunda Form open in Tasklist ({@link Browser#openTask}), its fields found by their ids in the
 * {@code .form} file, as a user fills them in.
 */
public final class TasklistForm {

  private final Browser browser;

  public TasklistForm(Browser browser) {
    this.browser = browser;
  }

  /**
   * The input of the form field with this id: form-js renders it as {@code fjs-form-<form>-<id>}, a
   * date field's as {@code fjs-form-<form>-<id>-date}.
   */
  public WebElement field(String fieldId) {
    return browser.visible(
        By.cssSelector(
            "[cam-tasklist-form] [id$='-"
                + fieldId
                + "'],"
                + " [cam-tasklist-form] input[id$='-"
                + fieldId
                + "-date']"));
  }

  public TasklistForm type(String fieldId, String text) {
    WebElement input = field(fieldId);
    input.clear();
    input.sendKeys(text);
    return this;
  }

  /** Types a date in the format the date field shows as its placeholder (the browser's locale). */
  public TasklistForm date(String fieldId, LocalDate date) {
    WebElement input = field(fieldId);
    String placeholder = input.getAttribute("placeholder");
    String pattern =
        placeholder == null || placeholder.isBlank()
            ? "MM/dd/yyyy"
            : placeholder.replace("mm", "MM").replace("m", "M");
    input.clear();
    input.sendKeys(date.format(DateTimeFormatter.ofPattern(pattern)));
    input.sendKeys(Keys.TAB);
    return this;
  }

  /** Whether Tasklist lets the user press Complete. */
  public boolean completeEnabled() {
    return completeButton().isEnabled();
  }

  /**
   * Presses Complete as a user does: closes the notifications shown (they cover it), then presses
   * it scrolled to the middle of the window (Tasklist's footer covers the bottom edge).
   */
  public void complete() {
    browser.driver().findElements(By.cssSelector("[notifications-panel] .alert .close")).stream()
        .filter(WebElement::isDisplayed)
        .forEach(WebElement::click);
    browser.waiting().until(d -> errors().isBlank());
    WebElement button =
        browser.waiting().until(ExpectedConditions.elementToBeClickable(completeButton()));
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
    button.click();
  }

  private WebElement completeButton() {
    List<WebElement> buttons =
        browser.driver().findElements(By.cssSelector("[cam-tasklist-form] button.btn-primary"));
    return buttons.stream()
        .filter(b -> b.getText().strip().equals("Complete"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Complete button on the task's form"));
  }

  /** The text of Tasklist's error notifications shown now. */
  public String errors() {
    return String.join(
        "\n",
        browser
            .driver()
            .findElements(By.cssSelector("[notifications-panel] .alert-danger"))
            .stream()
            .filter(WebElement::isDisplayed)
            .map(WebElement::getText)
            .toList());
  }
}
