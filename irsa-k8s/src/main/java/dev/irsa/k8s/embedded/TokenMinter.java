package dev.irsa.k8s.embedded;

import dev.irsa.core.internal.json.JsonWriter;
import dev.irsa.k8s.internal.JwtSigner;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Issues service-account JWTs shaped like the API server's for one issuer. */
final class TokenMinter {
  private final JwtSigner signer;
  private final String issuer;
  private final Clock clock;

  TokenMinter(JwtSigner signer, String issuer, Clock clock) {
    this.signer = signer;
    this.issuer = issuer;
    this.clock = clock;
  }

  record Minted(String jwt, Instant expiresAt) {
    @Override
    public String toString() {
      return "Minted{expires=" + expiresAt + "}";
    }
  }

  Minted mint(String namespace, String serviceAccount, String serviceAccountUid, List<String> audiences,
      long expirationSeconds, String podName, String podUid) {
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Instant exp = now.plusSeconds(expirationSeconds);
    JsonWriter w = new JsonWriter(false).beginObject();
    w.name("aud").beginArray();
    for (String a : audiences) {
      w.value(a);
    }
    w.endArray();
    w.name("exp").raw(Long.toString(exp.getEpochSecond()));
    w.name("iat").raw(Long.toString(now.getEpochSecond()));
    w.name("iss").value(issuer);
    w.name("kubernetes.io").beginObject().name("namespace").value(namespace);
    if (podName != null) {
      w.name("pod").beginObject().name("name").value(podName).name("uid").value(podUid == null ? "" : podUid).endObject();
    }
    w.name("serviceaccount").beginObject().name("name").value(serviceAccount)
        .name("uid").value(serviceAccountUid == null ? "" : serviceAccountUid).endObject();
    w.endObject();
    w.name("nbf").raw(Long.toString(now.getEpochSecond()));
    w.name("sub").value("system:serviceaccount:" + namespace + ":" + serviceAccount);
    w.endObject();
    return new Minted(signer.sign(w.toString()), exp);
  }
}
