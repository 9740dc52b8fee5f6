namespace Microfinance.Grains.Calendar;

/// <summary>Whether this deployment is a training or integration environment (培训/联调环境), whose business dates an operator may move.</summary>
public sealed class PracticeClockOptions
{
    /// <summary>Off in production: the business date is then always China Standard Time's calendar date.</summary>
    public bool Enabled { get; set; }
}
