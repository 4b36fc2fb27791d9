package dev.migrator.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;

/** {@code java -jar migrator-cli.jar ...}: runs {@link MigratorCli} and exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Charset charset = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
        System.exit(MigratorCli.execute(System.getenv(), out, err, args));
    }
}
