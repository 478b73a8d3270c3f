package org.carereviews.review;

/**
 * A review's id, typed, on the path that ends in a package change and a cost change: a review's id
 * cannot be passed where a package request's or a cost change's is meant.
 */
record ReviewId(long value) {

  ReviewId {
    if (value <= 0) {
      throw new IllegalArgumentException("a review id is positive, not " + value);
    }
  }

  @Override
  public String toString() {
    return String.valueOf(value);
  }
}
