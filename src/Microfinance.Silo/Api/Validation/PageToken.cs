using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Microfinance.Silo.Api.Validation;

/// <summary>
/// Page tokens are opaque to clients (AIP-158): the key the next page starts after, encoded so
/// that clients do not build them by hand.
/// </summary>
public static class PageToken
{
    private const string Prefix = "after:";

    public static string Encode(string? after) =>
        after is null ? "" : WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(Prefix + after));

    public static bool TryDecode(string token, out string after)
    {
        after = "";
        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
            if (!text.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return false;
            }

            after = text[Prefix.Length..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
