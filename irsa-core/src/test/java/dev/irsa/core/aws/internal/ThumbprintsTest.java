package dev.irsa.core.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The thumbprint of an issuer, read from a TLS server on loopback with a certificate made by keytool. */
class ThumbprintsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();

  @Test
  void fingerprintsTheLastCertificateOfTheIssuersChain(@TempDir Path dir) throws Exception {
    // Given a TLS server on loopback with a self-signed certificate
    Path store = dir.resolve("issuer.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "issuer", "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
        "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
        .redirectErrorStream(true).start();
    String keytoolOutput = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(keytoolOutput).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, PASSWORD);
    }
    Certificate cert = ks.getCertificate("issuer");
    SSLContext ctx = SSLContext.getInstance("TLS");
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASSWORD);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    try (SSLServerSocket server = (SSLServerSocket) ctx.getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread accept = new Thread(() -> {
        try (SSLSocket s = (SSLSocket) server.accept()) {
          s.startHandshake();
          s.getInputStream().read();
        } catch (IOException ignored) {
          // the client closes after the handshake
        }
      });
      accept.setDaemon(true);
      accept.start();

      // When fingerprinting the issuer (a client that trusts the certificate)
      String thumbprint = Thumbprints.fromIssuer("https://127.0.0.1:" + server.getLocalPort() + "/id/EXAMPLE",
          ctx.getSocketFactory(), 5_000);

      // Then it is the SHA-1 of the certificate, 40 lowercase hex digits
      assertThat(thumbprint).isEqualTo(Thumbprints.sha1(cert)).matches("[0-9a-f]{40}");
    }
  }

  @Test
  void anUnreachableIssuerIsAnIoError() throws Exception {
    // Given a port nobody listens on
    int port;
    try (var s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }

    // When fingerprinting, Then the connection fails
    assertThatThrownBy(() -> Thumbprints.fromIssuer("https://127.0.0.1:" + port + "/id/X",
        SSLContext.getDefault().getSocketFactory(), 2_000)).isInstanceOf(IOException.class);
  }
}
