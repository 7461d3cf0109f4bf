package dev.alicia.infra.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A development token issuer: an RSA key pair (generated once, kept as PEM files) and RS256 JWTs signed with it,
 * carrying the claims the services read — {@code tenant}, {@code groups} (roles) and {@code sub} (for an agent,
 * their agent id). For the run command, tests and the load driver only; production trusts its identity provider's
 * public key (docs/security.md).
 */
public final class DevTokens {

    /** The issuer the services expect unless configured otherwise ({@code mp.jwt.verify.issuer}). */
    public static final String ISSUER = "https://alicia.local/dev";

    /** The roles the services know (their {@code Roles}), as a token's {@code groups} carries them. */
    public static final String AGENT = "agent";

    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    public static final String PLATFORM = "platform";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Path publicKeyFile;

    private DevTokens(PrivateKey privateKey, PublicKey publicKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.publicKeyFile = publicKeyFile;
    }

    /**
     * The key pair kept in {@code directory} ({@code private.pem}, {@code public.pem}), generated on first use. The
     * private key file is readable by its owner only.
     */
    public static DevTokens inDirectory(Path directory) {
        Path privateFile = directory.resolve("private.pem");
        Path publicFile = directory.resolve("public.pem");
        try {
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                Files.createDirectories(directory);
                KeyPair pair = generate();
                Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(
                        privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                ownerOnly(privateFile);
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(unpem(Files.readString(privateFile))));
            PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(unpem(Files.readString(publicFile))));
            return new DevTokens(privateKey, publicKey, publicFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the development key pair in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the development key pair in " + directory + " is unreadable", e);
        }
    }

    /** The PEM file of the public key: what {@code mp.jwt.verify.publickey.location} points at. */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** A token valid for 12 hours for {@code subject} of {@code tenant} with {@code roles}. */
    public String mint(String tenant, String subject, Set<String> roles) {
        return mint(tenant, subject, roles, Duration.ofHours(12));
    }

    /** The tenant's back office: administrator, supervisor and channel platform at once (adapters, test setup). */
    public String backOffice(String tenant) {
        return mint(tenant, "back-office", Set.of(ADMIN, SUPERVISOR, PLATFORM));
    }

    /** An agent signed in as themselves. */
    public String agent(String tenant, String agentId) {
        return mint(tenant, agentId, Set.of(AGENT));
    }

    public String mint(String tenant, String subject, Set<String> roles, Duration validity) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("upn", subject);
        if (tenant != null) {
            claims.put("tenant", tenant);
        }
        claims.put("groups", roles);
        Instant now = Instant.now();
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(validity).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return sign(claims);
    }

    /** Signs any claims as they are: tests use it for tokens that must be refused (expired, foreign issuer). */
    public String sign(Map<String, Object> claims) {
        try {
            String header = URL.encodeToString(
                    JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", "alicia-dev")));
            String payload = URL.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey);
            rs256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + URL.encodeToString(rs256.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static KeyPair generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: the file keeps the directory's default permissions.
        }
    }
}
