namespace Microfinance.Domain.Compensation;

/// <summary>One entry of the bank's collection record (催收记录) that a claim is filed with.</summary>
/// <param name="On">The day the bank dunned the borrower.</param>
/// <param name="Method">How it did.</param>
/// <param name="Note">What happened, e.g. the borrower's answer; may be empty.</param>
public sealed record DunningAction(DateOnly On, DunningMethod Method, string Note);
