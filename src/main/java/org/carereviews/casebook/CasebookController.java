package org.carereviews.casebook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.carereviews.audit.AuditAction;
import org.carereviews.audit.Audited;
import org.carereviews.casebook.CasebookRequests.NewPerson;
import org.carereviews.casebook.CasebookRequests.PackageTermsRequest;
import org.carereviews.casebook.CasebookService.PeopleFilter;
import org.carereviews.casebook.CasebookViews.PackageHistoryView;
import org.carereviews.casebook.CasebookViews.PackageView;
import org.carereviews.casebook.CasebookViews.PersonView;
import org.carereviews.common.web.PageResponse;
import org.carereviews.identity.CurrentUser;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(
    name = "Casebook",
    description = "People, their care packages and the packages' version history")
@RestController
@RequestMapping("/api")
class CasebookController {

  private final CasebookService casebook;
  private final CurrentUser currentUser;

  CasebookController(CasebookService casebook, CurrentUser currentUser) {
    this.casebook = casebook;
    this.currentUser = currentUser;
  }

  @Operation(summary = "People you may see, with their packages (paged, filterable)")
  @GetMapping("/people")
  @Audited(action = AuditAction.LIST, record = "person")
  PageResponse<PersonView> people(
      @RequestParam(defaultValue = "0")
          @Min(value = 0, message = "must be 0 or more")
          @Max(value = PageResponse.MAX_PAGE, message = PageResponse.MAX_PAGE_MESSAGE)
          int page,
      @RequestParam(defaultValue = "20")
          @Min(value = 1, message = "must be at least 1")
          @Max(
              value = PageResponse.MAX_PAGE_SIZE,
              message = "must be at most " + PageResponse.MAX_PAGE_SIZE)
          int size,
      @RequestParam(required = false) ClientGroup clientGroup,
      @RequestParam(required = false) String team,
      @RequestParam(required = false) String cohort,
      @RequestParam(required = false)
          @Size(min = 2, max = 100, message = "must be 2 to 100 characters")
          String name) {
    PeopleFilter filter = new PeopleFilter(clientGroup, team, cohort, name);
    return casebook.findPeople(
        currentUser.get(), filter, PageRequest.of(page, size, Sort.by("id")));
  }

  @Operation(summary = "One person, with their packages")
  @GetMapping("/people/{id}")
  @Audited(action = AuditAction.READ, record = "person", id = "#id")
  PersonView person(@PathVariable long id) {
    return casebook.getPerson(currentUser.get(), id);
  }

  @Operation(summary = "A person's packages, current terms")
  @GetMapping("/people/{id}/packages")
  @Audited(action = AuditAction.READ, record = "person", id = "#id")
  List<PackageView> packagesOfPerson(@PathVariable long id) {
    return casebook.packagesOf(currentUser.get(), id);
  }

  @Operation(summary = "Record a new person (team workers and managers)")
  @PostMapping("/people")
  @Audited(action = AuditAction.CREATE, record = "person", id = "#result.id()")
  @ResponseStatus(HttpStatus.CREATED)
  PersonView createPerson(@Valid @RequestBody NewPerson request) {
    return casebook.createPerson(currentUser.get(), request);
  }

  @Operation(summary = "Record a new package for a person, with its first version")
  @PostMapping("/people/{id}/packages")
  @Audited(action = AuditAction.CREATE, record = "care-package", id = "#result.current().id()")
  @ResponseStatus(HttpStatus.CREATED)
  PackageHistoryView createPackage(
      @PathVariable long id, @Valid @RequestBody PackageTermsRequest request) {
    return casebook.createPackage(currentUser.get(), id, request);
  }

  @Operation(summary = "A package with its full version history")
  @GetMapping("/packages/{id}")
  @Audited(action = AuditAction.READ, record = "care-package", id = "#id")
  PackageHistoryView carePackage(@PathVariable long id) {
    return casebook.getPackage(currentUser.get(), id);
  }

  @Operation(summary = "Record a change to a package as a new version (append-only)")
  @PostMapping("/packages/{id}/versions")
  @Audited(action = AuditAction.CHANGE, record = "care-package", id = "#id")
  @ResponseStatus(HttpStatus.CREATED)
  PackageHistoryView changePackage(
      @PathVariable long id, @Valid @RequestBody PackageTermsRequest request) {
    return casebook.changePackage(currentUser.get(), id, request);
  }
}
