namespace Microfinance.Bench.Setup;

/// <summary>A registered household one worker borrows for, with the cap room the worker has not yet lent.</summary>
public sealed class BenchHousehold(string registryNumber, string village, string bankCode, long roomFen)
{
    public string RegistryNumber { get; } = registryNumber;

    /// <summary>The village's 12-digit code.</summary>
    public string Village { get; } = village;

    /// <summary>The bank this household borrows from (alternating, like the SQL peer's h % 2).</summary>
    public string BankCode { get; } = bankCode;

    /// <summary>What is left of the household cap after the loans this worker gave it.</summary>
    public long RoomFen { get; set; } = roomFen;
}
