namespace Microfinance.Domain.Servicing;

/// <summary>A loan moved from one overdue bucket to another at the start of <see cref="On"/>.</summary>
public sealed record BucketTransition(DateOnly On, int DaysPastDue, OverdueBucket From, OverdueBucket To);
