namespace Microfinance.Domain.Compensation;

/// <summary>How the bank pressed the borrower for an overdue payment (催收).</summary>
public enum DunningMethod
{
    /// <summary>A telephone call.</summary>
    Phone = 1,

    /// <summary>A visit to the household (上门催收).</summary>
    Visit = 2,

    /// <summary>A written demand served on the borrower (催收通知书).</summary>
    WrittenNotice = 3,

    /// <summary>Legal action: a suit or an application to enforce (依法追偿).</summary>
    LegalAction = 4,
}
