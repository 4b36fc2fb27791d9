package dev.migrator.autogenerate.petclinic;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(name = "owners", indexes = @Index(name = "ix_owners_last_name", columnList = "last_name"))
public class Owner extends Person {
    @Column(name = "address")
    String address;
    @Column(name = "city", length = 80)
    String city;
    @Column(name = "telephone", length = 20)
    String telephone;
}
