package dev.irsa.examples;

import dev.irsa.core.internal.Quote;
import dev.irsa.k8s.webhook.PodIdentityWebhook;
import dev.irsa.k8s.webhook.PodInspector;
import dev.irsa.k8s.webhook.PodWiring;
import dev.irsa.k8s.webhook.WebhookResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pod ...}: the EKS pod identity webhook, offline. */
@Command(name = "pod", description = "The EKS pod identity webhook, offline: mutate and inspect pod specs.",
    mixinStandardHelpOptions = true, subcommands = {PodCommand.Mutate.class, PodCommand.Inspect.class})
final class PodCommand {

  /** {@code pod mutate --pod FILE --service-account-file FILE [--region R] [--sts-regional]}. */
  @Command(name = "mutate", mixinStandardHelpOptions = true,
      description = "Print the pod as the EKS webhook would mutate it at creation (YAML or JSON, as given).")
  static final class Mutate implements Callable<Integer> {
    @Option(names = "--pod", required = true, paramLabel = "FILE|-", description = "The pod manifest (YAML or JSON).")
    String podFile;

    @Option(names = "--service-account-file", required = true, paramLabel = "FILE",
        description = "The pod's service account manifest.")
    String saFile;

    @Option(names = "--region", paramLabel = "R", description = "The webhook's region flag (adds AWS_REGION, AWS_DEFAULT_REGION).")
    String region;

    @Option(names = "--sts-regional", description = "The webhook's regional STS default (service accounts can override).")
    boolean stsRegional;

    @Override
    public Integer call() {
      String text = Io.read(podFile);
      Pod pod = read(podFile, text, Pod.class);
      ServiceAccount sa = read(saFile, Io.read(saFile), ServiceAccount.class);
      WebhookResult r;
      try {
        r = PodIdentityWebhook.builder().region(region).stsRegionalEndpoints(stsRegional).build().mutate(pod, sa);
      } catch (IllegalArgumentException e) {
        throw new CliException(2, e.getMessage());
      }
      System.out.print(write(r.pod(), isJson(text)));
      System.err.println("# " + Quote.line(r.reason()));
      return 0;
    }
  }

  /** {@code pod inspect --pod FILE [--service-account-file FILE]}. */
  @Command(name = "inspect", mixinStandardHelpOptions = true,
      description = {"Print a pod's IRSA wiring findings as JSON: wired, role, stale, overridden, token unreadable.",
          "A pod without metadata.creationTimestamp (a manifest, not yet created) is inspected as the webhook would "
              + "create it now under the given service account.",
          "Exit 1 when the pod would not get the role, 2 on bad input."})
  static final class Inspect implements Callable<Integer> {
    @Option(names = "--pod", required = true, paramLabel = "FILE|-", description = "The pod (YAML or JSON).")
    String podFile;

    @Option(names = "--service-account-file", paramLabel = "FILE",
        description = "The pod's service account as it is now (enables the stale checks).")
    String saFile;

    @Option(names = "--region", paramLabel = "R", description = "The webhook's region flag, for manifests.")
    String region;

    @Override
    public Integer call() {
      Pod pod = read(podFile, Io.read(podFile), Pod.class);
      ServiceAccount sa = saFile == null ? null : read(saFile, Io.read(saFile), ServiceAccount.class);
      try {
        if (sa != null && pod.getMetadata().getCreationTimestamp() == null) {
          pod = PodIdentityWebhook.builder().region(region).build().mutate(pod, sa).pod();
          System.err.println("# no creationTimestamp: inspected as the webhook would create the pod now");
        }
        PodWiring w = PodInspector.offline().inspect(pod, sa);
        System.out.println(w.toJson());
        return w.getsRole() ? 0 : 1;
      } catch (IllegalArgumentException e) {
        throw new CliException(2, e.getMessage());
      }
    }
  }

  static boolean isJson(String text) {
    return text.stripLeading().startsWith("{");
  }

  static <T extends HasMetadata> T read(String file, String text, Class<T> type) {
    T value = Manifests.read(file, text, type);
    if (value == null || value.getMetadata() == null) {
      throw new CliException(2, file + ": not a " + type.getSimpleName() + " manifest: no metadata");
    }
    if (value.getKind() != null && !value.getKind().equals(type.getSimpleName())) {
      throw new CliException(2, file + ": expected kind " + type.getSimpleName() + ", got " + value.getKind());
    }
    if (value instanceof Pod p && (p.getSpec() == null || p.getSpec().getContainers() == null || p.getSpec().getContainers().isEmpty())) {
      throw new CliException(2, file + ": pod has no spec.containers");
    }
    return value;
  }

  static String write(Object value, boolean json) {
    if (!json) {
      return Serialization.asYaml(value);
    }
    return Serialization.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
  }
}
