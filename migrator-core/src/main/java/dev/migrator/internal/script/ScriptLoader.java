package dev.migrator.internal.script;

import dev.migrator.error.ScriptException;
import dev.migrator.script.CallbackScript;
import dev.migrator.script.RevisionScript;
import dev.migrator.script.ScriptLocation;
import dev.migrator.script.ScriptParser;
import dev.migrator.script.Section;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Reads every {@code *.sql} file below the given locations (recursively) and parses it.
 * Classpath locations are read from folders and from inside jars, including Spring Boot's
 * nested jars, through the URL the class loader hands out.
 */
public final class ScriptLoader {

    private final ClassLoader classLoader;

    public ScriptLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    public ScriptLoader() {
        this(defaultClassLoader());
    }

    /** Loads the scripts of every location, after replacing {@code {vendor}} with {@code vendor}. */
    public LoadedScripts load(List<ScriptLocation> locations, String vendor) {
        List<RevisionScript> scripts = new ArrayList<>();
        List<CallbackScript> callbacks = new ArrayList<>();
        List<ScriptLocation> missing = new ArrayList<>();
        for (ScriptLocation raw : locations) {
            ScriptLocation location = raw.forVendor(vendor);
            List<ScriptText> texts = location.classpath() ? readClasspath(location) : readFolder(location);
            if (texts.isEmpty() && !exists(location)) {
                missing.add(location);
            }
            for (ScriptText text : texts) {
                CallbackScript.Event event = CallbackScript.eventOf(fileName(text.source()), text.source());
                if (event == null) {
                    scripts.add(ScriptParser.parse(text.text(), text.source()));
                } else {
                    callbacks.add(new CallbackScript(event, callbackSql(text.text()), text.source()));
                }
            }
        }
        return new LoadedScripts(scripts, callbacks, missing);
    }

    /**
     * What {@link #load} would read, without reading it: each folder's {@code *.sql} files with
     * their sizes and modification times, and for a jar its URL (a jar on the class path does not
     * change under a running JVM). Equal fingerprints mean the scripts can be taken from a cache:
     * a health probe or an endpoint call then lists files instead of reading and hashing them all.
     */
    public ScriptsFingerprint fingerprint(List<ScriptLocation> locations, String vendor) {
        FingerprintWalk walk = new FingerprintWalk();
        for (ScriptLocation raw : locations) {
            ScriptLocation location = raw.forVendor(vendor);
            walk.parts.add(location.toString());
            if (!location.classpath()) {
                walk.statTree(new File(location.path()));
                continue;
            }
            try {
                for (URL root : Collections.list(classLoader.getResources(location.path()))) {
                    if ("file".equals(root.getProtocol())) {
                        walk.statTree(toPath(root).toFile());
                    } else {
                        walk.parts.add(root.toString());
                    }
                }
            } catch (IOException e) {
                throw new ScriptException(location.toString(), "cannot list classpath: " + e.getMessage(), e);
            }
        }
        return new ScriptsFingerprint(walk.parts, walk.newest);
    }

    /** The script files' lines of a fingerprint, and the newest time among them and their folders. */
    private static final class FingerprintWalk {

        private static final FileTime UNKNOWN = FileTime.from(Instant.MAX);

        final List<String> parts = new ArrayList<>();
        FileTime newest = FileTime.fromMillis(0);

        void statTree(File folder) {
            String[] names = folder.list();
            if (names == null) {
                parts.add(folder.getPath() + " (none)");
                return;
            }
            modified(folder);
            Arrays.sort(names);
            for (String name : names) {
                File file = new File(folder, name);
                if (name.endsWith(".sql") && file.isFile()) {
                    FileTime modified = modified(file);
                    parts.add(file.getPath() + " " + file.length() + " " + (modified == UNKNOWN
                            ? "unknown " + System.nanoTime() // never equal: the file is read again, and reports the problem
                            : modified));
                } else if (isFolder(file)) {
                    statTree(file);
                }
            }
        }

        /** The modification time as precise as the file system keeps it (File.lastModified rounds to milliseconds). */
        private FileTime modified(File file) {
            FileTime time;
            try {
                time = Files.getLastModifiedTime(file.toPath());
            } catch (IOException e) {
                time = UNKNOWN;
            }
            if (time.compareTo(newest) > 0) {
                newest = time;
            }
            return time;
        }
    }

    private static String fileName(String source) {
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf(File.separatorChar));
        return source.substring(slash + 1);
    }

    /** A callback is all SQL, from its first line. */
    private static Section callbackSql(String text) {
        return new Section((text.startsWith("\uFEFF") ? text.substring(1) : text).replace("\r\n", "\n"), 1);
    }

    /** A script's text and where it was read. */
    private record ScriptText(String source, String text) {
    }

    /** Whether the location's folder exists (on the class path: any resource by its name). */
    boolean exists(ScriptLocation location) {
        if (location.classpath()) {
            try {
                return classLoader.getResources(location.path()).hasMoreElements();
            } catch (IOException e) {
                return false;
            }
        }
        return new File(location.path()).isDirectory();
    }

    private static List<ScriptText> readFolder(ScriptLocation location) {
        List<ScriptText> texts = new ArrayList<>();
        File folder = new File(location.path());
        if (folder.isDirectory()) {
            readTree(folder, texts);
        }
        return texts;
    }

    /**
     * Every {@code *.sql} file below the folder, in name order folder by folder (so that messages
     * and listings do not depend on the file system); symbolic links to folders are not followed.
     * A plain list of names and {@link FileInputStream}, with no file attributes read for scripts:
     * cold, that lists and reads a thousand scripts in a third of the time of {@code Files.walk}
     * (docs/performance.md, the no-op).
     */
    private static void readTree(File folder, List<ScriptText> texts) {
        String[] names = folder.list();
        if (names == null) {
            throw new ScriptException(folder.getPath(), "cannot read scripts: the folder cannot be listed; check that it may be read", null);
        }
        Arrays.sort(names);
        for (String name : names) {
            File file = new File(folder, name);
            if (!name.endsWith(".sql")) {
                if (isFolder(file)) {
                    readTree(file, texts);
                }
                continue;
            }
            String source = file.getPath();
            try (InputStream in = new FileInputStream(file)) {
                texts.add(new ScriptText(source, decode(in.readAllBytes(), source)));
            } catch (FileNotFoundException e) {
                if (isFolder(file)) {
                    readTree(file, texts); // a folder named *.sql
                } else if (Files.isRegularFile(file.toPath())) {
                    throw new ScriptException(source, "cannot read script: " + e.getMessage(), e); // permissions
                } // else a link to a folder (not followed) or a dangling link, such as an editor's lock file
            } catch (IOException e) {
                throw new ScriptException(source, "cannot read script: " + e.getMessage(), e);
            }
        }
    }

    /** A folder, not a link to one. */
    private static boolean isFolder(File file) {
        return Files.isDirectory(file.toPath(), LinkOption.NOFOLLOW_LINKS);
    }

    private List<ScriptText> readClasspath(ScriptLocation location) {
        List<ScriptText> texts = new ArrayList<>();
        String folder = location.path();
        Enumeration<URL> roots;
        try {
            roots = classLoader.getResources(folder);
        } catch (IOException e) {
            throw new ScriptException(location.toString(), "cannot list classpath: " + e.getMessage(), e);
        }
        for (URL root : Collections.list(roots)) {
            if ("file".equals(root.getProtocol())) {
                readTree(toPath(root).toFile(), texts);
            } else {
                readJar(root, folder, texts);
            }
        }
        return texts;
    }

    private static void readJar(URL root, String folder, List<ScriptText> texts) {
        TreeMap<String, String> sorted = new TreeMap<>();
        try {
            URLConnection connection = root.openConnection();
            if (!(connection instanceof JarURLConnection jarConnection)) {
                throw new ScriptException(root.toString(), "unsupported classpath location (not a folder or jar)", null);
            }
            jarConnection.setUseCaches(false);
            String prefix = folder.isEmpty() ? "" : folder + "/";
            // The URL's own entry name carries any nesting prefix (e.g. BOOT-INF/classes/).
            String entryPrefix = jarConnection.getEntryName() == null ? prefix : jarConnection.getEntryName() + "/";
            try (JarFile jar = jarConnection.getJarFile()) {
                for (JarEntry entry : Collections.list(jar.entries())) {
                    String name = entry.getName();
                    if (!entry.isDirectory() && name.startsWith(entryPrefix) && name.endsWith(".sql")) {
                        String source = "classpath:" + prefix + name.substring(entryPrefix.length());
                        try (InputStream in = jar.getInputStream(entry)) {
                            sorted.put(source, decode(in.readAllBytes(), source));
                        }
                    }
                }
            }
            for (Map.Entry<String, String> script : sorted.entrySet()) {
                texts.add(new ScriptText(script.getKey(), script.getValue()));
            }
        } catch (IOException e) {
            throw new ScriptException(root.toString(), "cannot read scripts from jar: " + e.getMessage(), e);
        }
    }

    private static Path toPath(URL url) {
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException("bad file URL " + url, e));
        }
    }

    private static String decode(byte[] bytes, String source) {
        // The lenient decoder marks bad bytes with U+FFFD; only then is the strict one worth its cost.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ScriptException(source, 0, "is not valid UTF-8; save the script as UTF-8");
        }
    }

    private static ClassLoader defaultClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ScriptLoader.class.getClassLoader();
    }
}
