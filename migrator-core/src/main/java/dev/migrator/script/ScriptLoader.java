package dev.migrator.script;

import dev.migrator.error.ScriptException;
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
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

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
        List<ScriptLocation> missing = new ArrayList<>();
        for (ScriptLocation raw : locations) {
            ScriptLocation location = raw.forVendor(vendor);
            // Sorted by name so that messages and listings do not depend on the file system.
            TreeMap<String, String> texts = location.classpath() ? readClasspath(location) : readFolder(location);
            if (texts.isEmpty() && !exists(location)) {
                missing.add(location);
            }
            texts.forEach((source, text) -> scripts.add(ScriptParser.parse(text, source)));
        }
        return new LoadedScripts(scripts, missing);
    }

    private boolean exists(ScriptLocation location) {
        if (location.classpath()) {
            try {
                return classLoader.getResources(location.path()).hasMoreElements();
            } catch (IOException e) {
                return false;
            }
        }
        return Files.isDirectory(Path.of(location.path()));
    }

    private static TreeMap<String, String> readFolder(ScriptLocation location) {
        TreeMap<String, String> texts = new TreeMap<>();
        Path folder = Path.of(location.path());
        if (!Files.isDirectory(folder)) {
            return texts;
        }
        readTree(folder, texts);
        return texts;
    }

    private static void readTree(Path folder, TreeMap<String, String> texts) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file) && file.getFileName().toString().endsWith(".sql")) {
                    String source = file.toString();
                    texts.put(source, decode(Files.readAllBytes(file), source));
                }
            }
        } catch (IOException e) {
            throw new ScriptException(folder.toString(), "cannot read scripts: " + e.getMessage(), e);
        }
    }

    private TreeMap<String, String> readClasspath(ScriptLocation location) {
        TreeMap<String, String> texts = new TreeMap<>();
        String folder = location.path();
        Enumeration<URL> roots;
        try {
            roots = classLoader.getResources(folder);
        } catch (IOException e) {
            throw new ScriptException(location.toString(), "cannot list classpath: " + e.getMessage(), e);
        }
        for (URL root : Collections.list(roots)) {
            if ("file".equals(root.getProtocol())) {
                readTree(toPath(root), texts);
            } else {
                readJar(root, folder, texts);
            }
        }
        return texts;
    }

    private static void readJar(URL root, String folder, TreeMap<String, String> texts) {
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
                            texts.put(source, decode(in.readAllBytes(), source));
                        }
                    }
                }
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
