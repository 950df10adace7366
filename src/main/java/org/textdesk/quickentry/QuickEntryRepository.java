package org.textdesk.quickentry;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface QuickEntryRepository extends JpaRepository<QuickEntry, Long> {

    List<QuickEntry> findAllByOrderByPositionAsc();

    List<QuickEntry> findByPositionGreaterThanOrderByPositionAsc(int position);

    Optional<QuickEntry> findFirstByPositionLessThanOrderByPositionDesc(int position);

    Optional<QuickEntry> findFirstByPositionGreaterThanOrderByPositionAsc(int position);

    @Query("select coalesce(max(e.position), 0) from QuickEntry e")
    int findMaxPosition();
}
