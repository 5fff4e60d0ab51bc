package dev.irsa.core.arn;

import dev.irsa.core.internal.Quote;

/** An ARN that does not parse or is not of the kind expected; the message quotes it. */
public final class InvalidArnException extends IllegalArgumentException {
  private final String input;

  public InvalidArnException(String input, String problem) {
    super("invalid ARN " + Quote.single(input) + ": " + problem);
    this.input = input;
  }

  /** The text that was rejected. */
  public String input() {
    return input;
  }
}
