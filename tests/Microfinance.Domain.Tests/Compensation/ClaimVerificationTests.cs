using Microfinance.Domain.Compensation;

namespace Microfinance.Domain.Tests.Compensation;

public sealed class ClaimVerificationTests
{
    [Fact]
    public void AClaimWithNoFindingIsVerified()
    {
        var reason = ClaimVerification.RejectionReason([]);

        Assert.Null(reason);
    }

    [Theory]
    [InlineData(VerificationFinding.BankDidNotPursue, "BANK_DID_NOT_PURSUE")]
    [InlineData(VerificationFinding.RiskEventNotReported, "RISK_EVENT_NOT_REPORTED")]
    [InlineData(VerificationFinding.LentOutsideInstructions, "LENT_OUTSIDE_INSTRUCTIONS")]
    [InlineData(VerificationFinding.CauseNotCovered, "CAUSE_NOT_COVERED")]
    public void EachFindingRefusesTheClaimForItsRule(VerificationFinding finding, string expected)
    {
        var reason = ClaimVerification.RejectionReason([finding]);

        Assert.Equal(expected, reason);
    }

    [Fact]
    public void WithSeveralFindingsTheFirstArticleNamesTheRefusal()
    {
        var reason = ClaimVerification.RejectionReason(
            [VerificationFinding.CauseNotCovered, VerificationFinding.LentOutsideInstructions, VerificationFinding.RiskEventNotReported]);

        Assert.Equal("RISK_EVENT_NOT_REPORTED", reason);
    }
}
