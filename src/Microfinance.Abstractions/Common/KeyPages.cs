namespace Microfinance.Abstractions.Common;

/// <summary>Reads a listing of keys that a grain hands out a page at a time.</summary>
public static class KeyPages
{
    private const int PageSize = 1000;

    /// <summary>Every key, in the listing's order.</summary>
    /// <param name="page">Reads the page after the key given (from the start for null), of at most the size given.</param>
    public static async Task<List<string>> ReadAllAsync(Func<string?, int, Task<KeyPage>> page)
    {
        var keys = new List<string>();
        string? after = null;
        do
        {
            var next = await page(after, PageSize);
            keys.AddRange(next.Keys);
            after = next.NextAfter;
        }
        while (after is not null);

        return keys;
    }
}
