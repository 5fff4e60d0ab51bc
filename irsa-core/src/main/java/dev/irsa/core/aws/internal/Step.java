package dev.irsa.core.aws.internal;

import dev.irsa.core.aws.Change;

/** A planned change and how to make it; the action returns false when, at execution time, nothing was left to do. */
public record Step(Change change, Action action) {
  /** Makes the change. */
  @FunctionalInterface
  public interface Action {
    boolean run();
  }
}
