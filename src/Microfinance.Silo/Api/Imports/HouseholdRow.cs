using Microfinance.Api.V1;

namespace Microfinance.Silo.Api.Imports;

/// <summary>One data row of a household export, as the API's message, with what could not even be read into it.</summary>
/// <param name="Row">The row in the file, counting the header as row 1.</param>
/// <param name="Problems">Cells whose words the column does not allow; the message leaves them out.</param>
public sealed record HouseholdRow(long Row, Household Household, IReadOnlyList<(ImportColumn Column, string Message)> Problems);
