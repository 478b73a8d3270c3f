package org.carereviews.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carereviews.demo.DemoUsers;
import org.carereviews.demo.DemoUsers.DemoUser;

/**
 * A stand-in identity provider for the integration tests: an RSA key, its key set served over HTTP
 * at Keycloak's path ({@code <issuer>/protocol/openid-connect/certs}) on the loopback interface,
 * and access tokens shaped like Keycloak's (issuer, audience, {@code preferred_username}, {@code
 * groups} with the demo users' groups). One per test JVM.
 */
public final class TestTokens {

  public static final String AUDIENCE = "care-reviews-api";
  private static final String REALM_PATH = "/realms/care-reviews-test";

  private static final RSAKey KEY = newKey("test-key");
  private static final String ISSUER = serveKeySet();

  private TestTokens() {}

  public static String issuer() {
    return ISSUER;
  }

  /** A valid access token for a demo user, with their groups. */
  public static String forUser(String userId) {
    return sign(claims(userId, ISSUER, AUDIENCE, Instant.now().plus(Duration.ofHours(1))), KEY);
  }

  private static final Map<String, DemoUser> EXTRA_USERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A user a test needs besides the demo users (e.g. someone in two roles), known to the token
   * issuer.
   */
  public static void addUser(String userId, List<String> groups) {
    EXTRA_USERS.put(userId, new DemoUser(userId, userId, userId, List.copyOf(groups)));
  }

  /**
   * The claims of a valid token for a demo user (or one added by a test), to change one of them.
   */
  public static JWTClaimsSet.Builder claims(
      String userId, String issuer, String audience, Instant expires) {
    DemoUser user =
        DemoUsers.ALL.stream()
            .filter(u -> u.id().equals(userId))
            .findFirst()
            .or(() -> java.util.Optional.ofNullable(EXTRA_USERS.get(userId)))
            .orElseThrow(() -> new IllegalArgumentException("no demo user " + userId));
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .jwtID(UUID.randomUUID().toString())
        .issuer(issuer)
        .audience(List.of(audience, "account"))
        .subject(UUID.nameUUIDFromBytes(userId.getBytes(StandardCharsets.UTF_8)).toString())
        .issueTime(Date.from(now.minusSeconds(5)))
        .expirationTime(Date.from(expires))
        .claim("preferred_username", user.id())
        .claim("groups", user.groups().stream().map(g -> "/" + g).toList())
        .claim(
            "realm_access",
            Map.of("roles", List.of("offline_access", "default-roles-care-reviews")));
  }

  /** Signed with the issuer's key. */
  public static String sign(JWTClaimsSet.Builder claims) {
    return sign(claims, KEY);
  }

  /** Signed with a key the issuer never published. */
  public static String signWithUnknownKey(JWTClaimsSet.Builder claims) {
    return sign(claims, newKey("test-key"));
  }

  /** Not signed at all: {@code alg: none}. */
  public static String unsigned(JWTClaimsSet.Builder claims) {
    return new PlainJWT(claims.build()).serialize();
  }

  private static String sign(JWTClaimsSet.Builder claims, RSAKey key) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
              claims.build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey newKey(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String serveKeySet() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      byte[] keySet = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      server.createContext(
          REALM_PATH + "/protocol/openid-connect/certs",
          exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keySet.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(keySet);
            }
          });
      server.setExecutor(null);
      server.start();
      return "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
