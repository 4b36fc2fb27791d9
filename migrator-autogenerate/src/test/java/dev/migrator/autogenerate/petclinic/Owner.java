package dev.migrator.autogenerate.petclinic;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(name = "owners", indexes = @Index(name = "ix_owners_last_name", columnList = "last_name"))
public class Owner {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "first_name", length = 30, nullable = false)
    String firstName;
    @Column(name = "last_name", length = 30, nullable = false)
    String lastName;
    @Column(name = "address")
    String address;
    @Column(name = "city", length = 80)
    String city;
    @Column(name = "telephone", length = 20)
    String telephone;
}
