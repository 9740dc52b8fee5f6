namespace Microfinance.Domain.Servicing;

/// <summary>
/// The overdue-age bucket counties tally loans by (逾期账龄: 1–30, 31–60, 61–90, over 90 days).
/// The names give the default edges; a county with other edges keeps the same four overdue
/// buckets in the same order (see <see cref="OverdueAging"/>).
/// </summary>
public enum OverdueBucket
{
    /// <summary>Not past due (正常): nothing unpaid after its due date.</summary>
    Current = 0,

    /// <summary>The first overdue bucket: 1–30 days past due by default.</summary>
    Days1To30 = 1,

    /// <summary>The second overdue bucket: 31–60 days by default.</summary>
    Days31To60 = 2,

    /// <summary>The third overdue bucket: 61–90 days by default.</summary>
    Days61To90 = 3,

    /// <summary>Beyond the last edge: over 90 days by default, when 第十九条's compensation procedure may start.</summary>
    Over90 = 4,
}
