package org.carereviews.ctr;

import java.util.Set;
import org.carereviews.casebook.Person;
import org.carereviews.identity.CareUser;
import org.carereviews.identity.Roles;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may see and record CTR records: the CTR roles (chair, clinical expert, expert by experience)
 * for everyone on the register, and the person's own team; nobody else, whatever else they may
 * read.
 */
final class CtrAccess {

  static final Set<String> CTR_ROLES =
      Set.of(Roles.CTR_CHAIR, Roles.CTR_CLINICIAN, Roles.CTR_EXPERT);

  private CtrAccess() {}

  static boolean readsEveryone(CareUser user) {
    return user.hasAnyRole(CTR_ROLES);
  }

  static boolean canRead(CareUser user, Person person) {
    return readsEveryone(user) || user.teamCodes().contains(person.getTeam().getCode());
  }

  static void requireRead(CareUser user, Person person) {
    if (!canRead(user, person)) {
      throw new AccessDeniedException("CTR records are for the CTR roles and the person's team");
    }
  }

  /**
   * The register is kept by the CTR chair (commissioner) and the person's own workers and managers.
   */
  static boolean canWrite(CareUser user, Person person) {
    return user.hasRole(Roles.CTR_CHAIR) || user.canWriteTeam(person.getTeam().getCode());
  }

  static void requireWrite(CareUser user, Person person) {
    if (!canWrite(user, person)) {
      throw new AccessDeniedException(
          "the register is kept by the CTR chair and the person's team");
    }
  }

  /**
   * Before any CTR list: someone with neither a CTR role nor a team sees nothing, and is told so.
   */
  static void requireAnyAccess(CareUser user) {
    if (!readsEveryone(user) && user.teamCodes().isEmpty()) {
      throw new AccessDeniedException("CTR records are for the CTR roles and the person's team");
    }
  }
}
