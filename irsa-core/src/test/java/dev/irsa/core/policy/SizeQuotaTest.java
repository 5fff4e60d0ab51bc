package dev.irsa.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SizeQuotaTest {
  @Test
  void countsCharactersWithoutWhitespace() {
    PolicyDocument doc = PolicyDocument.fromJson("""
        {
          "Version": "2012-10-17",
          "Statement": [ { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*" } ]
        }""");
    String compact = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}]}";
    assertThat(doc.iamSize()).isEqualTo(compact.length());
    assertThat(PolicySize.count(doc.toJson(JsonFormat.PRETTY))).isEqualTo(compact.length());
  }

  @Test
  void trustPolicyOverTheDefaultQuotaNamesTheLimit() {
    Statement.Builder s = Statement.builder().allow().principal(Principal.service("ec2.amazonaws.com")).addAction("sts:AssumeRole");
    PolicyDocument big = PolicyDocument.of(s.condition("StringEquals", "aws:SourceAccount", "1".repeat(2_100)).build());

    assertThatThrownBy(() -> SizeQuota.TRUST_POLICY.check(big))
        .isInstanceOf(PolicySizeException.class)
        .hasMessage("role trust policy is 2,281 characters (whitespace not counted), over the 2,048-character limit "
            + "(IAM quota ACLSizePerRole)");
    assertThat(big.toJson()).hasSize(2_281);
    assertThat(SizeQuota.trustPolicy(4_096).check(big)).isSameAs(big);
  }

  @Test
  void managedAndInlineQuotas() {
    PolicyDocument doc = PolicyDocument.of(Statement.builder().allow().addAction("s3:GetObject")
        .addResource("arn:aws:s3:::b/" + "k".repeat(6_100)).build());
    assertThatThrownBy(() -> SizeQuota.MANAGED_POLICY.check(doc))
        .hasMessageStartingWith("managed policy is 6,");
    assertThat(SizeQuota.INLINE_ROLE_POLICIES.fits(doc)).isTrue();
    assertThatThrownBy(() -> SizeQuota.INLINE_ROLE_POLICIES.checkTotal(List.of(doc, doc)))
        .hasMessageStartingWith("inline policies of a role (total) is 12,");
    assertThatThrownBy(() -> SizeQuota.trustPolicy(0)).hasMessage("size quota limit must be positive, got: 0");
  }
}
