package dev.migrator.samplejpa;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "owners", indexes = @Index(name = "ix_owners_last_name", columnList = "last_name"))
public class Owner extends Person {

    @Column(name = "address")
    private @Nullable String address;

    @Column(name = "city", length = 80)
    private @Nullable String city;

    @Column(name = "telephone", length = 20)
    private @Nullable String telephone;

    @OneToMany(mappedBy = "owner", cascade = CascadeType.ALL)
    private List<Pet> pets = new ArrayList<>();

    public @Nullable String getCity() {
        return city;
    }

    public void setCity(@Nullable String city) {
        this.city = city;
    }

    public List<Pet> getPets() {
        return pets;
    }
}
