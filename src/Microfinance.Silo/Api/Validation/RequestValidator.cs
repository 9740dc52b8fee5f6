using System.Globalization;
using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Dashboards;
using Microfinance.Domain.Finance;
using Microfinance.Domain.Households;
using Microfinance.Domain.Identity;
using Microfinance.Domain.Regions;
using Proto = Microfinance.Api.V1;

namespace Microfinance.Silo.Api.Validation;

/// <summary>
/// Collects every problem with a request's shape, each under the proto path of its field
/// (<c>household.head.resident_id</c>), and rejects the request with INVALID_ARGUMENT and a
/// <see cref="BadRequest"/> detail listing them all, before anything is changed.
/// </summary>
/// <param name="parent">
/// The proto path of the message being read when it sits inside the request, e.g. <c>approve</c>
/// for an <c>ApproveLoanRequest</c> in a bank's stream: fields are then reported as
/// <c>approve.contract_rate_bp</c>. Empty for a request read on its own.
/// </param>
public sealed partial class RequestValidator(string parent = "")
{
    /// <summary>Longest actor (the person or system id acting) accepted on a mutation.</summary>
    public const int MaxActorLength = 100;

    private readonly List<BadRequest.Types.FieldViolation> _violations = [];

    public void Add(string field, string description) =>
        _violations.Add(new BadRequest.Types.FieldViolation { Field = PathOf(field), Description = description });

    /// <summary>Every problem reported so far: the field's path and what is wrong with it.</summary>
    public IEnumerable<(string Field, string Description)> Problems => _violations.Select(v => (v.Field, v.Description));

    /// <summary>Whether no problem has been reported.</summary>
    public bool IsValid => _violations.Count == 0;

    /// <summary>Whether a problem has already been reported under <paramref name="field"/>.</summary>
    public bool HasViolation(string field) => _violations.Any(v => v.Field == PathOf(field));

    /// <summary>A required request id (AIP-155).</summary>
    public string RequestId(string field, string? value) => Text(field, value, RequestIdLimits.MaxLength);

    /// <summary>A required free text, trimmed, of at most <paramref name="maxLength"/> characters.</summary>
    public string Text(string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            Add(field, "is required");
        }
        else if (trimmed.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters");
        }

        return trimmed;
    }

    /// <summary>An optional free text, trimmed, of at most <paramref name="maxLength"/> characters; empty when absent.</summary>
    public string OptionalText(string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters");
        }

        return trimmed;
    }

    /// <summary>The required id of the person or system acting on a mutation.</summary>
    public string Actor(string field, string? value) => Text(field, value, MaxActorLength);

    /// <summary>An amount of money in fen, more than zero and at most <see cref="MoneyBounds.MaxAmount"/>.</summary>
    public Money PositiveAmount(string field, long fen)
    {
        if (fen <= 0)
        {
            Add(field, "must be more than 0");
        }

        return Bounded(field, fen);
    }

    /// <summary>An amount of money in fen, not negative and at most <see cref="MoneyBounds.MaxAmount"/>.</summary>
    public Money NonNegativeAmount(string field, long fen)
    {
        if (fen < 0)
        {
            Add(field, "must not be negative");
        }

        return Bounded(field, fen);
    }

    private Money Bounded(string field, long fen)
    {
        if (fen > MoneyBounds.MaxAmount.Fen)
        {
            Add(field, $"must be at most {MoneyBounds.MaxAmount.Fen} fen ({MoneyBounds.MaxAmount})");
        }

        return new Money(fen);
    }

    /// <summary>A required cooperating-bank code: 2 to 16 upper-case letters or digits.</summary>
    public string BankCode(string field, string? value)
    {
        var code = value?.Trim() ?? "";
        if (code.Length == 0)
        {
            Add(field, "is required");
        }
        else if (!BankCodePattern().IsMatch(code))
        {
            Add(field, "must be 2 to 16 upper-case letters or digits");
        }

        return code;
    }

    /// <summary>A required loan id: 1 to 64 letters, digits, underscores or hyphens.</summary>
    public string LoanId(string field, string? value)
    {
        var id = value?.Trim() ?? "";
        if (id.Length == 0)
        {
            Add(field, "is required");
        }
        else if (!LoanIdPattern().IsMatch(id))
        {
            Add(field, "must be 1 to 64 letters, digits, underscores or hyphens");
        }

        return id;
    }

    /// <summary>
    /// A required fund id: a county's 6-digit code, a hyphen and a bank code (<c>530124-RCC</c>),
    /// returned in the form the fund grain is keyed by.
    /// </summary>
    public string FundId(string field, string? value)
    {
        var id = value?.Trim() ?? "";
        if (id.Length == 0)
        {
            Add(field, "is required");
            return id;
        }

        var match = FundIdPattern().Match(id);
        if (!match.Success
            || !Domain.Regions.AdminCode.TryParse(match.Groups["county"].Value, out var county, out _)
            || county.Level != AdminLevel.County)
        {
            Add(field, "must be a county's 6-digit code, a hyphen and a bank code, e.g. 530124-RCC");
        }

        return id;
    }

    /// <summary>A required calendar date in ISO 8601 form (<c>YYYY-MM-DD</c>).</summary>
    public DateOnly Date(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
            return default;
        }

        return OptionalDate(field, value) ?? default;
    }

    /// <summary>An optional calendar date in ISO 8601 form (<c>YYYY-MM-DD</c>): empty means none.</summary>
    public DateOnly? OptionalDate(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Add(field, "must be a date in the form YYYY-MM-DD");
        return null;
    }

    /// <summary>A required division code, optionally of one level.</summary>
    public AdminCode AdminCode(string field, string? value, AdminLevel? level = null)
    {
        if (!Domain.Regions.AdminCode.TryParse(value, out var code, out var error))
        {
            Add(field, error ?? "is not a division code");
            return default;
        }

        if (level is { } expected && code.Level != expected)
        {
            Add(field, $"must be a {expected.ToString().ToLowerInvariant()} code, not a {code.Level.ToString().ToLowerInvariant()} code");
        }

        return code;
    }

    /// <summary>A required division code of a region that has subregions (not a village).</summary>
    public AdminCode ParentAdminCode(string field, string? value)
    {
        if (!Domain.Regions.AdminCode.TryParse(value, out var code, out var error))
        {
            Add(field, error ?? "is not a division code");
        }
        else if (code.Level == AdminLevel.Village)
        {
            Add(field, "a village has no subregions; list its households with HouseholdService.ListHouseholds");
        }

        return code;
    }

    /// <summary>A required resident id (GB 11643).</summary>
    public ResidentId ResidentId(string field, string? value)
    {
        if (Domain.Identity.ResidentId.TryParse(value, out var id, out var error))
        {
            return id;
        }

        Add(field, error ?? "is not a resident id");
        return default;
    }

    /// <summary>An optional resident id: empty means none.</summary>
    public ResidentId? OptionalResidentId(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : ResidentId(field, value);

    /// <summary>A required unified social credit code (GB 32100).</summary>
    public UnifiedSocialCreditCode CreditCode(string field, string? value)
    {
        if (UnifiedSocialCreditCode.TryParse(value, out var code, out var error))
        {
            return code;
        }

        Add(field, error ?? "is not a unified social credit code");
        return default;
    }

    /// <summary>A required household registry number.</summary>
    public RegistryNumber RegistryNumber(string field, string? value)
    {
        if (Domain.Households.RegistryNumber.TryParse(value, out var number, out var error))
        {
            return number;
        }

        Add(field, error ?? "is not a registry number");
        return default;
    }

    /// <summary>A required enum value, already mapped from proto (null when unspecified or unknown).</summary>
    public T Enum<T>(string field, T? value)
        where T : struct, System.Enum
    {
        if (value is null)
        {
            Add(field, "is required");
        }

        return value ?? default;
    }

    /// <summary>
    /// A required enum value, already mapped from proto, that must be one of <paramref name="allowed"/>;
    /// <paramref name="description"/> says which.
    /// </summary>
    public T OneOf<T>(string field, T? value, IReadOnlyCollection<T> allowed, string description)
        where T : struct, System.Enum
    {
        if (value is not { } given || !allowed.Contains(given))
        {
            Add(field, description);
            return default;
        }

        return given;
    }

    /// <summary>An integer in a closed range.</summary>
    public int Range(string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            Add(field, $"must be between {min} and {max}");
        }

        return value;
    }

    /// <summary>A point in time, or null when none is given; one outside years 1 to 9999 is a violation.</summary>
    public DateTimeOffset? OptionalTime(string field, Timestamp? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Seconds < DateTimeOffset.MinValue.ToUnixTimeSeconds()
            || value.Seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || value.Nanos is < 0 or > 999_999_999)
        {
            Add(field, "must be a time between the years 1 and 9999");
            return null;
        }

        return value.ToDateTimeOffset();
    }

    /// <summary>
    /// Where a dashboard watch resumes, or null to start from a snapshot: the view id a snapshot gave
    /// and a revision not below 0.
    /// </summary>
    public DashboardCursor? DashboardResume(string field, Proto.DashboardResume? resume)
    {
        if (resume is null)
        {
            return null;
        }

        var valid = true;
        if (!Guid.TryParse(resume.ViewId, out var viewId))
        {
            Add($"{field}.view_id", "must be the view_id of a dashboard snapshot");
            valid = false;
        }

        if (resume.Revision < 0)
        {
            Add($"{field}.revision", "must not be negative");
            valid = false;
        }

        return valid ? new DashboardCursor(viewId, resume.Revision) : null;
    }

    /// <summary>A page size: 0 means <paramref name="defaultSize"/>, larger than the maximum is capped (AIP-158).</summary>
    public int PageSize(string field, int value, int defaultSize, int maxSize)
    {
        if (value < 0)
        {
            Add(field, "must not be negative");
        }

        return value <= 0 ? defaultSize : Math.Min(value, maxSize);
    }

    /// <summary>The key a page token continues after, or null for the first page.</summary>
    public string? PageToken(string field, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        if (Validation.PageToken.TryDecode(token, out var after))
        {
            return after;
        }

        Add(field, "is not a token this API issued");
        return null;
    }

    /// <summary>The sequence number a page token continues after, or null for the first page.</summary>
    public long? SequencePageToken(string field, string? token)
    {
        var after = PageToken(field, token);
        if (after is null)
        {
            return null;
        }

        if (long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return sequence;
        }

        Add(field, "is not a token this API issued");
        return null;
    }

    /// <summary>Rejects the request if any field was invalid.</summary>
    public void ThrowIfInvalid()
    {
        if (_violations.Count > 0)
        {
            throw ToStatus().ToRpcException();
        }
    }

    /// <summary>The INVALID_ARGUMENT status listing every problem found so far.</summary>
    public Google.Rpc.Status ToStatus() => InvalidArgumentStatus.Of(_violations);

    private string PathOf(string field) => parent.Length == 0 ? field : $"{parent}.{field}";

    [GeneratedRegex("^[A-Z0-9]{2,16}$")]
    private static partial Regex BankCodePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex LoanIdPattern();

    [GeneratedRegex("^(?<county>[0-9]{6})-[A-Z0-9]{2,16}$")]
    private static partial Regex FundIdPattern();
}
