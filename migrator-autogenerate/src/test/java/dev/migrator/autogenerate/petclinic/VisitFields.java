package dev.migrator.autogenerate.petclinic;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.math.BigDecimal;
import org.hibernate.annotations.ColumnDefault;

/** The visit's description and price, as the variants that change neither keep them. */
@MappedSuperclass
public abstract class VisitFields extends VisitCore {
    @Column(name = "description")
    String description;
    @Column(name = "price", precision = 10, scale = 2, nullable = false)
    @ColumnDefault("0")
    BigDecimal price;
}
