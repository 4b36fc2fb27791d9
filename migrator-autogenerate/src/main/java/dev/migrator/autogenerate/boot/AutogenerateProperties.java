package dev.migrator.autogenerate.boot;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code migrator.autogenerate.*}: setting {@code message} turns an application start into a
 * generate run (compare, write the revision, exit) instead of a service.
 */
@ConfigurationProperties("migrator.autogenerate")
public class AutogenerateProperties {

    /** The new revision's message; setting it makes this start a generate run. */
    private @Nullable String message;

    /**
     * The folder the revision is written to. Default: the first of migrator.locations, a classpath
     * location read as src/main/resources below the working directory.
     */
    private @Nullable String output;

    /** Whether this start only checks: it reports the differences and exits with 1 when there are any. */
    private boolean check;

    /** Tables left out of the comparison (globs: * and ?), besides migrator's own. */
    private List<String> exclude = new ArrayList<>();

    /**
     * JDBC URL of a scratch database that the run brings to the heads and compares, instead of the
     * application's spring.datasource.url (and migrator.url).
     */
    private @Nullable String url;

    /** Login user of the scratch database. Default: spring.datasource.username. */
    private @Nullable String username;

    /** Login password of the scratch database. Default: spring.datasource.password. */
    private @Nullable String password;

    /** Whether the application exits when the revision is written (false for tests). */
    private boolean exit = true;

    public @Nullable String getMessage() {
        return message;
    }

    public void setMessage(@Nullable String message) {
        this.message = message;
    }

    public @Nullable String getOutput() {
        return output;
    }

    public void setOutput(@Nullable String output) {
        this.output = output;
    }

    public boolean isCheck() {
        return check;
    }

    public void setCheck(boolean check) {
        this.check = check;
    }

    public List<String> getExclude() {
        return exclude;
    }

    public void setExclude(List<String> exclude) {
        this.exclude = exclude;
    }

    public @Nullable String getUrl() {
        return url;
    }

    public void setUrl(@Nullable String url) {
        this.url = url;
    }

    public @Nullable String getUsername() {
        return username;
    }

    public void setUsername(@Nullable String username) {
        this.username = username;
    }

    public @Nullable String getPassword() {
        return password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    public boolean isExit() {
        return exit;
    }

    public void setExit(boolean exit) {
        this.exit = exit;
    }
}
