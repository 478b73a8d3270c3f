package org.carereviews.savings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.common.web.InvalidRequestException;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.CurrentUser;
import org.carereviews.identity.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * CSV imports of a council's programme and of its existing savings tracker. The body is the CSV
 * itself ({@code Content-Type: text/csv}, UTF-8 unless the type names a charset) or a form upload
 * with the file in a part named {@code file}.
 */
@Tag(
    name = "Savings imports",
    description = "All-or-nothing CSV imports with a per-row error report")
@RestController
@RequestMapping("/api/savings")
class SavingsImportController {

  private final SavingsImport imports;
  private final CurrentUser currentUser;

  SavingsImportController(SavingsImport imports, CurrentUser currentUser) {
    this.imports = imports;
    this.currentUser = currentUser;
  }

  @Operation(
      summary =
          "Import savings lines and their targets: columns code,name,theme,kind,financialYear,target "
              + "(and optionally owner)")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      description = "The CSV file, UTF-8 unless " + "the Content-Type names a charset",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @PostMapping(path = "/lines/import", consumes = "text/csv")
  @Audited(action = AuditAction.CREATE, record = "savings-line")
  @ResponseStatus(HttpStatus.CREATED)
  SavingsImport.LinesImported importLines(HttpServletRequest request) throws IOException {
    headOfFinance();
    try (Reader csv = reader(request.getInputStream(), request.getCharacterEncoding())) {
      return imports.importLines(csv);
    }
  }

  @Operation(summary = "Import savings lines and their targets, uploaded as a file")
  @PostMapping(path = "/lines/import", consumes = "multipart/form-data")
  @Audited(action = AuditAction.CREATE, record = "savings-line")
  @ResponseStatus(HttpStatus.CREATED)
  SavingsImport.LinesImported importLinesFile(@RequestPart("file") MultipartFile file)
      throws IOException {
    headOfFinance();
    try (Reader csv = reader(file.getInputStream(), null)) {
      return imports.importLines(csv);
    }
  }

  @Operation(
      summary =
          "Import a savings tracker, one row per change: columns personRef,packageRef,oldWeeklyCost,"
              + "newWeeklyCost,effectiveDate,lineCode,kind,status (and optionally reason)")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      description = "The CSV file, UTF-8 unless " + "the Content-Type names a charset",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @PostMapping(path = "/cost-changes/import", consumes = "text/csv")
  @Audited(action = AuditAction.CREATE, record = "cost-change")
  @ResponseStatus(HttpStatus.CREATED)
  SavingsImport.CostChangesImported importCostChanges(HttpServletRequest request)
      throws IOException {
    CareUser user = headOfFinance();
    try (Reader csv = reader(request.getInputStream(), request.getCharacterEncoding())) {
      return imports.importCostChanges(csv, user.userId());
    }
  }

  @Operation(summary = "Import a savings tracker, uploaded as a file")
  @PostMapping(path = "/cost-changes/import", consumes = "multipart/form-data")
  @Audited(action = AuditAction.CREATE, record = "cost-change")
  @ResponseStatus(HttpStatus.CREATED)
  SavingsImport.CostChangesImported importCostChangesFile(@RequestPart("file") MultipartFile file)
      throws IOException {
    CareUser user = headOfFinance();
    try (Reader csv = reader(file.getInputStream(), null)) {
      return imports.importCostChanges(csv, user.userId());
    }
  }

  private static Reader reader(InputStream in, String charset) {
    Charset encoding;
    try {
      encoding = charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          "Content-Type", "names a character set this service does not know: " + charset);
    }
    return new InputStreamReader(in, encoding);
  }

  private CareUser headOfFinance() {
    CareUser user = currentUser.get();
    if (!user.hasRole(Roles.HEAD_OF_FINANCE)) {
      throw new AccessDeniedException(
          "imports into the savings programme and ledger are for the head of finance");
    }
    return user;
  }
}
