/**
 * The IRSA doctor and audit: a {@link dev.irsa.verify.doctor.Snapshot} of what the cluster and the
 * account say (read from the files {@code kubectl} and the AWS CLI produce, or collected live), and a
 * pure diagnosis over it that names the broken link as {@link dev.irsa.verify.doctor.Finding}s with a
 * stable code, a severity, the evidence and a fix. The front door is
 * {@link dev.irsa.verify.doctor.Doctor#create()}.
 *
 * <p>The diagnosis reuses irsa-k8s's pod inspector (fabric8 model types), so it needs
 * {@code dev.irsa:irsa-k8s} on the class path; the snapshot and its readers do not.
 */
package dev.irsa.verify.doctor;
