/**
 * The daily spend-control panel: package requests, delegated authority, the daily agenda, quorate
 * decisions and their measures. Other capabilities submit through {@link
 * org.carereviews.panel.PackageRequests} and receive the decision as the message {@link
 * org.carereviews.panel.PanelMessages#DECISION}.
 */
@ApplicationModule(allowedDependencies = {"casebook :: casebook-service", "savings :: ledger"})
package org.carereviews.panel;

import org.springframework.modulith.ApplicationModule;
