package org.carereviews.panel;

import org.springframework.modulith.NamedInterface;

/**
 * The id of a package request, as it travels between the panel and the processes that ask it (a
 * review's change, a CTR discharge): a number that cannot be mistaken for a review's, a package's
 * or a cost change's. Reads as the bare number ({@code 12}), as in paths and messages.
 *
 * @param value the request's row id
 */
@NamedInterface("package-requests")
public record PackageRequestId(long value) {

  public static PackageRequestId of(long value) {
    return new PackageRequestId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
