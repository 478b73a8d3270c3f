/** Reading imported CSV tables. */
@NamedInterface("csv")
package org.carereviews.common.csv;

import org.springframework.modulith.NamedInterface;
