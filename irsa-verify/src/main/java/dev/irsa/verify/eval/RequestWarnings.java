package dev.irsa.verify.eval;

import dev.irsa.core.catalog.ActionLookup;
import dev.irsa.core.catalog.ActionResource;
import dev.irsa.core.catalog.Service;
import dev.irsa.core.catalog.ServiceAction;
import dev.irsa.core.catalog.ServiceCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog's warnings about a request's action and resource. Cached: per action (the lookup and
 * its suggestions) and per action and resource (whether one of the action's resource types can be
 * that ARN), each cache cleared when it grows past a bound so a long batch cannot grow it without
 * limit. Thread-safe.
 */
final class RequestWarnings {
  private static final int MAX_ACTIONS = 20_000;
  private static final int MAX_RESOURCES = 50_000;
  private static final ServiceCatalog CATALOG = ServiceCatalog.aws();
  private static final Map<String, ActionInfo> ACTIONS = new ConcurrentHashMap<>();
  private static final Map<String, Boolean> RESOURCES = new ConcurrentHashMap<>();

  /** What the catalog says about one action: a warning, or the action. */
  private record ActionInfo(EvaluationWarning warning, ServiceAction action, String types) {}

  private RequestWarnings() {}

  static List<EvaluationWarning> of(RequestContext request) {
    ActionInfo info = ACTIONS.get(request.lowerAction());
    if (info == null) {
      if (ACTIONS.size() >= MAX_ACTIONS) {
        ACTIONS.clear();
      }
      info = ACTIONS.computeIfAbsent(request.lowerAction(), k -> lookup(request.action()));
    }
    if (info.warning() != null) {
      return List.of(info.warning());
    }
    String resource = request.resource();
    if (resource.equals("*")) {
      return List.of();
    }
    ServiceAction action = info.action();
    if (action.requiresWildcardResource()) {
      return List.of(new EvaluationWarning(EvaluationWarning.Code.ACTION_REQUIRES_WILDCARD_RESOURCE,
          action.fullName() + " has no resource-level permissions (the service authorization reference lists no"
              + " resource types for it): AWS checks it against \"*\", not " + resource, List.of()));
    }
    if (takes(request.lowerAction(), action, resource)) {
      return List.of();
    }
    return List.of(new EvaluationWarning(EvaluationWarning.Code.RESOURCE_TYPE_MISMATCH,
        action.fullName() + " takes " + info.types() + "; " + resource + " is none of them", List.of()));
  }

  private static boolean takes(String lowerAction, ServiceAction action, String resource) {
    String key = lowerAction + ' ' + resource;
    Boolean cached = RESOURCES.get(key);
    if (cached != null) {
      return cached;
    }
    boolean any = false;
    for (ActionResource r : action.resources()) {
      if (r.type().canMatch(resource)) {
        any = true;
        break;
      }
    }
    if (RESOURCES.size() >= MAX_RESOURCES) {
      RESOURCES.clear();
    }
    RESOURCES.put(key, any);
    return any;
  }

  private static ActionInfo lookup(String actionName) {
    ActionLookup l = CATALOG.lookup(actionName);
    String svc = actionName.substring(0, actionName.indexOf(':'));
    return switch (l.status()) {
      case FOUND -> new ActionInfo(null, l.actions().get(0), types(l.actions().get(0)));
      case UNKNOWN_SERVICE -> new ActionInfo(new EvaluationWarning(EvaluationWarning.Code.UNKNOWN_SERVICE,
          "\"" + svc + "\" is not a service prefix" + didYouMean(l.suggestions()), l.suggestions()), null, null);
      default -> new ActionInfo(new EvaluationWarning(EvaluationWarning.Code.UNKNOWN_ACTION,
          actionName + " is not an action of " + CATALOG.service(svc).map(Service::name).orElse(svc)
              + didYouMean(l.suggestions()), l.suggestions()), null, null);
    };
  }

  private static String didYouMean(List<String> suggestions) {
    return suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?";
  }

  /** The action's resource types with their ARN templates, the first three and a count of the others. */
  private static String types(ServiceAction a) {
    Map<String, String> types = new LinkedHashMap<>();
    a.resources().forEach(r -> types.putIfAbsent(r.type().name(), r.type().arnTemplate()));
    List<String> out = new ArrayList<>();
    types.forEach((n, t) -> out.add(n + " (" + t + ")"));
    if (out.size() > 4) {
      return String.join(", ", out.subList(0, 3)) + " and " + (out.size() - 3) + " more resource types";
    }
    return String.join(", ", out);
  }
}
