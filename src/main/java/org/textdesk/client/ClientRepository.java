package org.textdesk.client;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ClientRepository extends JpaRepository<Client, Long> {

    List<Client> findByCellE164OrderByLastNameAscFirstNameAscIdAsc(String cellE164);

    /** Every client with this cell, locked: a keyword and a staff save never overwrite each other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Client c where c.cellE164 = :cellE164 order by c.id")
    List<Client> lockByCellE164(String cellE164);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Client c where c.id = :id")
    Optional<Client> lockById(long id);
}
