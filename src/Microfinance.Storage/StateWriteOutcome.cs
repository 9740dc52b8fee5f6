namespace Microfinance.Storage;

/// <summary>What became of one write in its batch.</summary>
/// <param name="Applied">False if the stored version was not the one the writer expected.</param>
/// <param name="NewVersion">The row's version after the write; null after a delete.</param>
/// <param name="StoredVersion">For a write not applied: the version in storage, null if there is no row.</param>
internal sealed record StateWriteOutcome(bool Applied, long? NewVersion, long? StoredVersion);
