package dev.weft.server.api.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS identity (the server's, or a client's for mutual TLS) from the two PEM files a certificate
 * authority (or {@code openssl}, certbot, cert-manager) hands out: the certificate chain, the own
 * certificate first, and its private key, unencrypted PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}: RSA, EC or EdDSA).
 * Other key forms are refused with the {@code openssl} command that converts them. The key must be
 * the certificate's: a pair that does not match is refused here, not at a client's first handshake.
 * Also the authorities a side trusts, from a PEM file of their certificates. Read with the JDK alone
 * ({@link CertificateFactory}, {@link KeyFactory}).
 */
public final class PemIdentity {
  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
  private static final char[] IN_MEMORY = "weft".toCharArray();

  private PemIdentity() {}

  /** A refused file: the message names the option and the file and says what is wrong. */
  public static final class UnreadableException extends RuntimeException {
    UnreadableException(String message) {
      super(message);
    }
  }

  /**
   * Key managers presenting the chain in {@code certFile} with the key in {@code keyFile}: a server's
   * identity ({@link CertificateFiles#read}), or a client's for servers that ask for one (mutual
   * TLS); {@code certOption} and {@code keyOption} name where they were given (a command-line
   * option) in errors.
   */
  public static KeyManager[] keyManagers(Path certFile, String certOption, Path keyFile, String keyOption) {
    List<X509Certificate> chain = chain(certFile, certOption);
    PrivateKey key = key(keyFile, keyOption, chain.getFirst());
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("weft", key, IN_MEMORY, chain.toArray(new Certificate[0]));
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, IN_MEMORY);
      return keys.getKeyManagers();
    } catch (GeneralSecurityException | IOException e) {
      throw new UnreadableException(certOption + " " + certFile + " and " + keyOption + " " + keyFile
          + ": the JDK cannot use this pair: " + e.getMessage());
    }
  }

  /**
   * Trust managers trusting the authorities whose certificates {@code file} holds (PEM, one or more),
   * in place of the JDK's public ones: a client's {@code --ca-cert}, a server's {@code --tls-client-ca}.
   */
  public static TrustManager[] trustManagers(Path file, String option) {
    List<X509Certificate> authorities = chain(file, option);
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      for (int i = 0; i < authorities.size(); i++) {
        store.setCertificateEntry("ca-" + i, authorities.get(i));
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      return trust.getTrustManagers();
    } catch (GeneralSecurityException | IOException e) {
      throw new UnreadableException(option + " " + file + ": the JDK cannot trust these certificates: " + e.getMessage());
    }
  }

  /** A TLS context with these keys (null: none) and this trust (null: the JDK's public authorities). */
  public static SSLContext context(KeyManager[] keys, TrustManager[] trust) {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(keys, trust, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no usable TLS: " + e.getMessage(), e);
    }
  }

  /** The certificates of a PEM file, in order; at least one. */
  static List<X509Certificate> chain(Path file, String option) {
    String text = read(file, option);
    if (!text.contains("-----BEGIN CERTIFICATE-----")) {
      throw new UnreadableException(option + " " + file + ": no certificate in it (expected PEM: -----BEGIN CERTIFICATE-----)");
    }
    try {
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate c : CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)))) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new UnreadableException(option + " " + file + ": no certificate in it");
      }
      return out;
    } catch (CertificateException e) {
      throw new UnreadableException(option + " " + file + ": not a readable PEM certificate: " + e.getMessage());
    }
  }

  private static PrivateKey key(Path file, String option, X509Certificate cert) {
    String text = read(file, option);
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      String kind = m.group(1);
      switch (kind) {
        case "PRIVATE KEY" -> {
          PrivateKey key = pkcs8(file, option, m.group(2), cert.getPublicKey());
          if (!matches(key, cert.getPublicKey())) {
            throw new UnreadableException(option + " " + file + ": this key is not the one of the certificate"
                + " (" + cert.getSubjectX500Principal().getName() + ")");
          }
          return key;
        }
        case "ENCRYPTED PRIVATE KEY" -> throw new UnreadableException(option + " " + file
            + ": the key is encrypted; Weft reads it unattended, so give it unencrypted (readable by its user"
            + " only): openssl pkcs8 -in " + file + " -out key.pem");
        case "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY" -> throw new UnreadableException(option + " " + file
            + ": the key is in the older " + kind + " form; convert it to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in " + file
            + " -out key.pem");
        default -> { } // parameters, a certificate bundled in: not the key
      }
    }
    throw new UnreadableException(option + " " + file + ": no private key in it (expected PEM: -----BEGIN PRIVATE KEY-----)");
  }

  private static PrivateKey pkcs8(Path file, String option, String base64, PublicKey of) {
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new UnreadableException(option + " " + file + ": the key's base64 does not decode: " + e.getMessage());
    }
    String algorithm = of.getAlgorithm(); // RSA, EC, Ed25519, EdDSA, RSASSA-PSS: the certificate says
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new UnreadableException(option + " " + file + ": not a PKCS#8 " + algorithm
          + " private key (the certificate's key is " + algorithm + "): " + e.getMessage());
    }
  }

  /** Whether {@code key} signs what {@code pub} verifies. */
  private static boolean matches(PrivateKey key, PublicKey pub) {
    try {
      byte[] probe = new byte[32];
      new SecureRandom().nextBytes(probe);
      Signature signer = signature(pub.getAlgorithm());
      signer.initSign(key);
      signer.update(probe);
      byte[] signed = signer.sign();
      Signature verifier = signature(pub.getAlgorithm());
      verifier.initVerify(pub);
      verifier.update(probe);
      return verifier.verify(signed);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** A signature over SHA-256 for keys of {@code keyAlgorithm} (EdDSA keys sign with their own name). */
  private static Signature signature(String keyAlgorithm) throws GeneralSecurityException {
    return switch (keyAlgorithm) {
      case "RSA" -> Signature.getInstance("SHA256withRSA");
      case "EC" -> Signature.getInstance("SHA256withECDSA");
      case "RSASSA-PSS" -> {
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        yield s;
      }
      default -> Signature.getInstance(keyAlgorithm);
    };
  }

  private static String read(Path file, String option) {
    try {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UnreadableException(option + " " + file + ": cannot read it: " + e.getMessage());
    }
  }
}
