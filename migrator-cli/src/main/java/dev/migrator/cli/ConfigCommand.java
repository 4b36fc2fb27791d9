package dev.migrator.cli;

import dev.migrator.dialect.Dialects;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.ParentCommand;

/** {@code config}: every setting's effective value and where it came from; connects to nothing. */
@picocli.CommandLine.Command(name = "config",
        description = "Print each setting's effective value and where it came from (flag, environment, file, default).")
final class ConfigCommand implements Callable<Integer> {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i)password|secret|token|credential|key");

    @ParentCommand
    MigratorCli cli;

    @Override
    public Integer call() {
        Settings settings = cli.settings();
        PrintWriter out = cli.out();
        ProjectProperties files = settings.files();
        out.println("files: " + (files.files().isEmpty() ? "none"
                : String.join(", ", files.files().stream().map(Path::toString).toList())));
        out.println("profiles: " + (files.profiles().isEmpty() ? "none" : String.join(",", files.profiles()))
                + " (" + files.profilesOrigin() + ")");
        for (Setting setting : Setting.values()) {
            Settings.Resolved resolved = settings.resolved(setting);
            String value = resolved.value() == null ? "(none)"
                    : setting.secret() ? "********"
                    : setting == Setting.URL ? Dialects.redact(resolved.value()) : resolved.value();
            out.println(String.format(Locale.ROOT, "%-26s %s  [%s]", setting.settingName(), value, resolved.source()));
        }
        // Placeholders are values the scripts see, often names of roles or schemas; those named like a secret are not
        // printed, as the password is not
        Map<String, ProjectProperties.Value> placeholders = cli.placeholderValues();
        placeholders.forEach((name, given) -> out.println(String.format(Locale.ROOT, "%-26s %s  [%s]",
                "placeholders." + name, SECRET_NAME.matcher(name).find() ? "********" : given.value(), given.origin())));
        if (placeholders.isEmpty()) {
            out.println(String.format(Locale.ROOT, "%-26s %s", "placeholders", "(none)"));
        }
        out.flush();
        return 0;
    }
}
