using Microfinance.Testing.Logging;
using Microsoft.Extensions.Logging;

namespace Microfinance.Grains.Tests.Logging;

/// <summary>The scan every test host logs to, each test on a scan of its own so the run's shared one is untouched.</summary>
public sealed class ResidentIdLogScanTests
{
    private const string ResidentId = "530124197803150013";

    [Fact]
    public void AResidentIdInAMessageIsReportedMasked()
    {
        var scan = new ResidentIdLogScan();
        LoggerOn(scan).LogWarning("Head {ResidentId} was not found", ResidentId);

        var found = Assert.Throws<InvalidOperationException>(scan.ThrowIfFound);

        Assert.Contains("Tests: Head 530124********0013 was not found", found.Message);
        Assert.DoesNotContain(ResidentId, found.Message);
    }

    [Fact]
    public void AResidentIdInALoggedExceptionIsReported()
    {
        var scan = new ResidentIdLogScan();
        LoggerOn(scan).LogError(new InvalidOperationException($"grain residentclaim/{ResidentId} failed"), "A call failed");

        Assert.Throws<InvalidOperationException>(scan.ThrowIfFound);
    }

    [Theory]
    [InlineData("530124197803150012")]
    [InlineData("5301241978031500130")]
    [InlineData("530124********0013")]
    [InlineData("530124199913400019")]
    public void ANumberThatIsNotAValidResidentIdIsNotReported(string text)
    {
        var scan = new ResidentIdLogScan();
        LoggerOn(scan).LogWarning("Saw {Text}", text);

        scan.ThrowIfFound();
    }

    // Each line is reported by one check: fixtures disposing side by side do not report each other's twice.
    [Fact]
    public void ACheckReportsOnlyWhatWasLoggedSinceTheLastOne()
    {
        var scan = new ResidentIdLogScan();
        LoggerOn(scan).LogInformation("Head {ResidentId}", ResidentId);
        Assert.Throws<InvalidOperationException>(scan.ThrowIfFound);

        scan.ThrowIfFound();
    }

    private static ILogger LoggerOn(ResidentIdLogScan scan) =>
        LoggerFactory.Create(logging => logging.AddProvider(scan)).CreateLogger("Tests");
}
