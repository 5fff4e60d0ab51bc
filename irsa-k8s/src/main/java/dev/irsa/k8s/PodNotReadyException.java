package dev.irsa.k8s;

/** A pod did not become Ready in time; the message names its phase, container states and events. */
public final class PodNotReadyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String namespace;
  private final String pod;

  PodNotReadyException(String namespace, String pod, String message) {
    super(message);
    this.namespace = namespace;
    this.pod = pod;
  }

  public String namespace() {
    return namespace;
  }

  public String pod() {
    return pod;
  }
}
