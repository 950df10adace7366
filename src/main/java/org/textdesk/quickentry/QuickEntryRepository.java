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

    /** Every entry in position order with its versions, in one statement. */
    @Query("select distinct e from QuickEntry e left join fetch e.versions order by e.position")
    List<QuickEntry> findAllWithVersions();

    @Query("select coalesce(max(e.position), 0) from QuickEntry e")
    int findMaxPosition();
}
