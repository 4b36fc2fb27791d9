package dev.migrator.internal.script;

import dev.migrator.error.NoScriptsException;
import dev.migrator.script.ScriptLocation;
import java.io.File;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Whether locations hold any script, and when none does, what is there instead: each location
 * as resolved and the folders beside it, which is where a misnamed {@code {vendor}} folder shows.
 * Only names are listed; no script is read.
 */
public final class ScriptLocations {

    private final ClassLoader classLoader;

    public ScriptLocations(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /**
     * Throws when not one of the locations holds a {@code *.sql} file.
     *
     * @param vendor what {@code {vendor}} stands for; empty when no location names it
     * @throws NoScriptsException naming each location, what it holds and the folders beside it
     */
    public void requireScripts(List<ScriptLocation> raw, String vendor) {
        List<String> looked = new ArrayList<>();
        for (ScriptLocation location : raw) {
            ScriptLocation resolved = location.forVendor(vendor);
            if (holdsScript(resolved)) {
                return;
            }
            looked.add(describe(location, resolved));
        }
        throw new NoScriptsException(looked, raw.stream().anyMatch(ScriptLocation::dependsOnVendor) ? vendor : "");
    }

    private String describe(ScriptLocation raw, ScriptLocation resolved) {
        StringBuilder text = new StringBuilder(resolved.toString());
        if (!raw.equals(resolved)) {
            text.append(" (").append(raw).append(')');
        }
        text.append(new ScriptLoader(classLoader).exists(resolved) ? ": holds no *.sql file" : ": does not exist");
        int slash = resolved.path().lastIndexOf('/');
        String parent = slash < 0 ? "" : resolved.path().substring(0, slash);
        String name = resolved.path().substring(slash + 1);
        List<String> siblings = new ArrayList<>();
        for (String child : children(new ScriptLocation(resolved.classpath(), parent))) {
            if (child.endsWith("/") && !child.equals(name + "/")) {
                siblings.add(child.substring(0, child.length() - 1));
            }
        }
        if (!siblings.isEmpty() && !(resolved.classpath() && parent.isEmpty())) {
            text.append("; folders beside it: ").append(String.join(", ", siblings));
        }
        return text.toString();
    }

    /** Whether a {@code *.sql} file is anywhere below the location. */
    private boolean holdsScript(ScriptLocation location) {
        for (String child : children(location)) {
            if (child.endsWith(".sql") || child.endsWith("/")
                    && holdsScript(new ScriptLocation(location.classpath(), join(location.path(), child)))) {
                return true;
            }
        }
        return false;
    }

    private static String join(String parent, String child) {
        String name = child.endsWith("/") ? child.substring(0, child.length() - 1) : child;
        return parent.isEmpty() ? name : parent + "/" + name;
    }

    /** The names right below a location, folders with a trailing slash, sorted. */
    private List<String> children(ScriptLocation location) {
        TreeSet<String> names = new TreeSet<>();
        if (!location.classpath()) {
            addFolder(new File(location.path().isEmpty() ? "." : location.path()), names);
            return new ArrayList<>(names);
        }
        try {
            for (URL root : Collections.list(classLoader.getResources(location.path()))) {
                if ("file".equals(root.getProtocol())) {
                    addFolder(Paths.get(root.toURI()).toFile(), names);
                } else {
                    addJar(root, names);
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Only the message is at stake here; a location that cannot be listed shows as holding nothing.
        }
        return new ArrayList<>(names);
    }

    private static void addFolder(File folder, TreeSet<String> names) {
        File[] files = folder.listFiles();
        if (files != null) {
            for (File file : files) {
                names.add(file.isDirectory() ? file.getName() + "/" : file.getName());
            }
        }
    }

    private static void addJar(URL root, TreeSet<String> names) throws IOException {
        URLConnection connection = root.openConnection();
        if (!(connection instanceof JarURLConnection jarConnection)) {
            return;
        }
        jarConnection.setUseCaches(false);
        String entryName = jarConnection.getEntryName();
        String prefix = entryName == null || entryName.isEmpty() ? "" : entryName.endsWith("/") ? entryName : entryName + "/";
        try (JarFile jar = jarConnection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith(prefix) && name.length() > prefix.length()) {
                    String rest = name.substring(prefix.length());
                    int slash = rest.indexOf('/');
                    names.add(slash < 0 ? rest : rest.substring(0, slash + 1));
                }
            }
        }
    }
}
