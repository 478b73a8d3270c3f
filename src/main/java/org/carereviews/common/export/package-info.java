/** Table writers for CSV and XLSX exports. */
@NamedInterface("export")
package org.carereviews.common.export;

import org.springframework.modulith.NamedInterface;
