/** Amazon Resource Names: parsing, validation, formatting and the typed ARNs IRSA needs. */
package dev.irsa.core.arn;
