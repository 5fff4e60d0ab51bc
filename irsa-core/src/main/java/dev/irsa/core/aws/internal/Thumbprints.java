package dev.irsa.core.aws.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.HexFormat;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The thumbprint IAM asks for: the SHA-1 fingerprint of the last certificate in the chain the
 * issuer's host presents (the root CA, or the top intermediate when the root is not sent). The chain
 * is verified (trust and host name) with the given socket factory before it is fingerprinted.
 */
public final class Thumbprints {
  private Thumbprints() {}

  /** Lowercase hex SHA-1 of a certificate's DER encoding. */
  public static String sha1(Certificate cert) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(cert.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot fingerprint certificate: " + e.getMessage(), e);
    }
  }

  /**
   * Connects to the issuer's host and fingerprints the last certificate of its chain.
   *
   * @throws IOException when the host is unreachable or the handshake fails
   */
  public static String fromIssuer(String issuerUrl, SSLSocketFactory factory, int timeoutMillis) throws IOException {
    URI uri = URI.create(issuerUrl);
    int port = uri.getPort() == -1 ? 443 : uri.getPort();
    try (SSLSocket socket = (SSLSocket) factory.createSocket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      SSLParameters params = socket.getSSLParameters();
      params.setEndpointIdentificationAlgorithm("HTTPS"); // the chain must be valid for the issuer's host
      socket.setSSLParameters(params);
      socket.startHandshake();
      Certificate[] chain = socket.getSession().getPeerCertificates();
      return sha1(chain[chain.length - 1]);
    }
  }
}
