/**
 * The shared kernel every capability uses: money, financial years, dates, the clock, refusals and
 * problem details ({@code common.web}), CSV reading ({@code common.csv}), CSV/XLSX writing ({@code
 * common.export}) and the one scheduling mechanism ({@code common.schedule}). An open module: its
 * sub-packages are for everyone.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.carereviews.common;

import org.springframework.modulith.ApplicationModule;
