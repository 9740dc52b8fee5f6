namespace Microfinance.Domain.Compensation;

/// <summary>
/// A claim's public notice (公示) on the board of the borrower's village: 第二十条 (二) "在贷款人经营
/// 所在地公示，公示期不少于7天". Posted on <see cref="PostedOn"/>, it stands that day and the
/// <see cref="Days"/> − 1 days after, so the county may act from <see cref="EndsOn"/>.
/// </summary>
/// <param name="PostedOn">The business date the notice went up.</param>
/// <param name="Days">The policy's notice period in days, at least 1.</param>
public sealed record NoticePeriod(DateOnly PostedOn, int Days)
{
    /// <summary>The first day after the notice: objections are heard before it, the claim may be verified from it.</summary>
    public DateOnly EndsOn => PostedOn.AddDays(Days);

    /// <summary>Whether the notice has stood its full period on <paramref name="today"/>.</summary>
    public bool IsOver(DateOnly today) => today >= EndsOn;
}
