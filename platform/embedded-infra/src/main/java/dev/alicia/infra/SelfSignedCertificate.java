package dev.alicia.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A self-signed certificate for 127.0.0.1, made with the JDK's own {@code keytool} (no extra library): the key and
 * certificate in a PKCS12 keystore for a server, and the certificate alone in PEM for clients to trust, as
 * Strimzi's {@code ca.crt} is trusted in production.
 */
public record SelfSignedCertificate(Path keystore, String password, Path certificatePem) {

    /** Makes {@code <name>.p12} and {@code <name>.crt} in {@code dir}. */
    public static SelfSignedCertificate create(Path dir, String name) {
        Path keystore = dir.resolve(name + ".p12");
        Path pem = dir.resolve(name + ".crt");
        String password = UUID.randomUUID().toString();
        keytool(
                "-genkeypair",
                "-alias",
                name,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=" + name,
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore",
                keystore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                password);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                name,
                "-keystore",
                keystore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                password,
                "-file",
                pem.toString());
        return new SelfSignedCertificate(keystore, password, pem);
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
