package org.carereviews.panel;

import org.springframework.data.jpa.repository.JpaRepository;

interface PanelDecisionDeliveries extends JpaRepository<PanelDecisionDelivery, Long> {}
