package org.textdesk.client;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ConsentEventRepository extends JpaRepository<ConsentEvent, Long> {

    @Query("""
            select new org.textdesk.client.ConsentEventRow(
                e.occurredAt, e.okayToText, e.source, e.detail, e.phoneE164, s.displayName)
            from ConsentEvent e left join Staff s on s.id = e.staffId
            where e.client.id = :clientId
            order by e.occurredAt desc, e.id desc""")
    List<ConsentEventRow> historyOf(long clientId);

    long countByClientId(long clientId);
}
