/** The one scheduling mechanism. */
@NamedInterface("schedule")
package org.carereviews.common.schedule;

import org.springframework.modulith.NamedInterface;
