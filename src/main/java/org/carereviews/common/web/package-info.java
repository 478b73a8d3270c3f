/** Refusals and page shapes every capability's API shares. */
@NamedInterface("web")
package org.carereviews.common.web;

import org.springframework.modulith.NamedInterface;
