package org.textdesk.language;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LanguageRepository extends JpaRepository<Language, Long> {

    /** English first, then the others by name. */
    @Query("select l from Language l order by case when l.id = 1 then 0 else 1 end, lower(l.name)")
    List<Language> findAllEnglishFirst();

    boolean existsByNameIgnoreCase(String name);

    boolean existsByCodeIgnoreCase(String code);
}
