using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using Microfinance.Api.V1;

namespace Microfinance.Silo.Api.Imports;

/// <summary>
/// Reads a household export (CSV with a header row, see <see cref="HouseholdColumns"/>) row by row
/// into the API's <see cref="Household"/> message. It reads words, not rules: the registration's
/// rules are applied to the message afterwards, as to any registration.
/// </summary>
public sealed class HouseholdCsvReader : IAsyncDisposable
{
    private static readonly char[] MemberSeparators = [';', '；'];
    private static readonly char[] PartSeparators = [':', '：'];

    private readonly CsvReader _csv;
    private readonly Dictionary<ImportColumn, int> _index;

    private HouseholdCsvReader(CsvReader csv, Dictionary<ImportColumn, int> index, IReadOnlyList<string> headers)
    {
        _csv = csv;
        _index = index;
        Headers = headers;
    }

    /// <summary>The header row as the file has it.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>How the file names <paramref name="column"/>: its own header cell.</summary>
    public string NameOf(ImportColumn column) => _index.TryGetValue(column, out var at) ? Headers[at] : column.Chinese;

    /// <summary>Opens the file and reads its header.</summary>
    /// <exception cref="InvalidDataException">The header lacks a required column; the message names those missing.</exception>
    public static async Task<HouseholdCsvReader> OpenAsync(Stream input, Encoding encoding, CancellationToken ct)
    {
        var csv = CsvReader.Create(input, new CsvReaderOptions { Separator = ',', Encoding = encoding, TrimWhitespace = true, IncludeValuesInExceptions = false }, leaveOpen: true);
        try
        {
            await csv.ReadHeaderAsync(ct);
            var headers = csv.Headers.ToList();
            var index = new Dictionary<ImportColumn, int>();
            foreach (var column in HouseholdColumns.All)
            {
                var at = headers.FindIndex(column.IsNamedBy);
                if (at >= 0)
                {
                    index[column] = at;
                }
            }

            var missing = HouseholdColumns.All.Where(column => column.Required && !index.ContainsKey(column)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidDataException($"The header row has no column {string.Join(", ", missing)}.");
            }

            return new HouseholdCsvReader(csv, index, headers);
        }
        catch
        {
            await csv.DisposeAsync();
            throw;
        }
    }

    /// <summary>The data rows, in file order.</summary>
    public async IAsyncEnumerable<HouseholdRow> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        while (await _csv.ReadAsync(ct))
        {
            var problems = new List<(ImportColumn, string)>();
            var household = new Household
            {
                RegistryNumber = Cell(HouseholdColumns.RegistryNumber),
                VillageCode = Cell(HouseholdColumns.VillageCode),
                Head = new Person { Name = Cell(HouseholdColumns.HeadName), ResidentId = Cell(HouseholdColumns.HeadResidentId) },
                Category = Word(HouseholdColumns.Category, HouseholdColumns.Categories, problems),
                LaborCapacity = Word(HouseholdColumns.LaborCapacity, HouseholdColumns.LaborCapacities, problems),
                StarRating = Stars(problems),
                CreditHousehold = Credit(problems),
            };
            household.Members.AddRange(Members(problems));

            // The header is row 1, as a spreadsheet shows the file.
            yield return new HouseholdRow(_csv.RowNumber + 1, household, problems);
        }
    }

    public ValueTask DisposeAsync() => _csv.DisposeAsync();

    private string Cell(ImportColumn column) =>
        _index.TryGetValue(column, out var at) && at < _csv.FieldCount ? _csv.GetString(at) ?? "" : "";

    private T Word<T>(ImportColumn column, IReadOnlyDictionary<string, T> words, List<(ImportColumn, string)> problems)
        where T : struct, Enum
    {
        var cell = Cell(column);
        if (words.TryGetValue(cell, out var value))
        {
            return value;
        }

        problems.Add((column, cell.Length == 0
            ? "is required"
            : $"must be one of {string.Join(", ", words.Keys.Where(word => !word.All(char.IsAscii)))}"));
        return default;
    }

    private int Stars(List<(ImportColumn, string)> problems)
    {
        var cell = Cell(HouseholdColumns.StarRating);
        if (cell.Length == 0)
        {
            return 0;
        }

        if (int.TryParse(cell.TrimEnd('星'), out var stars))
        {
            return stars;
        }

        problems.Add((HouseholdColumns.StarRating, "must be a number of stars from 0 to 5"));
        return 0;
    }

    private bool Credit(List<(ImportColumn, string)> problems)
    {
        var cell = Cell(HouseholdColumns.CreditHousehold);
        if (HouseholdColumns.Yes.Contains(cell))
        {
            return true;
        }

        if (!HouseholdColumns.No.Contains(cell))
        {
            problems.Add((HouseholdColumns.CreditHousehold, "must be 是 or 否"));
        }

        return false;
    }

    /// <summary>Members written <c>姓名:身份证号:关系</c>, separated by semicolons; the id may be left empty.</summary>
    private List<HouseholdMember> Members(List<(ImportColumn, string)> problems)
    {
        var members = new List<HouseholdMember>();
        foreach (var entry in Cell(HouseholdColumns.Members).Split(MemberSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split(PartSeparators, StringSplitOptions.TrimEntries);
            if (parts.Length != 3 || !HouseholdColumns.Relationships.TryGetValue(parts[2], out var relationship))
            {
                problems.Add((HouseholdColumns.Members, $"member {members.Count + 1} must be written 姓名:身份证号:关系, the relationship one of 配偶, 子女, 父母, 孙子女, 其他"));
                continue;
            }

            members.Add(new HouseholdMember { Person = new Person { Name = parts[0], ResidentId = parts[1] }, Relationship = relationship });
        }

        return members;
    }
}
